-- Endpoints that existed before operator_trusted (V2026.12.01.1): those of a provider without any member can only
-- have come from the operator (the seed file, the simulator, an administrator's SQL), since a provider registers its
-- endpoints as a signed-in member. They keep being called as written; every other endpoint has its host name judged
-- again at each connection (decision 0025).
UPDATE provider_endpoint e SET operator_trusted = true
 WHERE NOT EXISTS (SELECT 1 FROM provider_member m WHERE m.provider_id = e.provider_id);
