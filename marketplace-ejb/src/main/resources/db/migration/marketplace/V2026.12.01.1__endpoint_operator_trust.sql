-- Which endpoints' URLs the operator wrote (decision 0025). A provider's URL passed the outbound guard when it was
-- registered, but its host name can be pointed elsewhere afterwards, at this network: the gateway judges such a name
-- again at every new connection. An operator's endpoint (the seed file, the built-in simulator) may name a private
-- host on purpose (http://ollama:11434/v1, http://localhost:8080/api/sim/v1) and is called as written. New rows are
-- a provider's unless the seed or the simulator says otherwise; provider onboarding marks the existing rows that
-- could only have come from the operator (V2026.12.01.2).
ALTER TABLE provider_endpoint ADD COLUMN operator_trusted boolean NOT NULL DEFAULT false;
