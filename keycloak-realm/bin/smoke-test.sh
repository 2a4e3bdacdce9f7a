#!/usr/bin/env bash
# Checks a running Keycloak (started with keycloak.sh, same env) against what the marketplace expects:
# demo users get tokens with their realm role, self-registration is open, the portal secret works,
# the auth-code flow of the portal puts realm roles into the ID token, marketplace-api is bearer-only.
# Needs curl and base64 only. Exit code = number of failed checks.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KC="$SCRIPT_DIR/keycloak.sh"
RUN_DIR="${MARKET_RUN_DIR:-$(cd "$SCRIPT_DIR/../.." && pwd)/.run}"
PORT_FILE="$RUN_DIR/keycloak-${KC_INSTANCE:-dev}.port"
if [ -z "${KC_PORT:-}" ] && [ -f "$PORT_FILE" ]; then KC_PORT="$(cat "$PORT_FILE")"; fi
BASE="http://localhost:${KC_PORT:-8180}/realms/marketplace/protocol/openid-connect"
SECRET="${PORTAL_CLIENT_SECRET:-portal-dev-secret}"
failures=0

ok() { echo "ok   $*"; }
ko() { echo "FAIL $*"; failures=$((failures + 1)); }

jwt_payload() { # base64url-decode the middle part of a JWT
  local p
  p="$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')"
  while [ $(( ${#p} % 4 )) -ne 0 ]; do p="$p="; done
  printf '%s' "$p" | base64 -d 2>/dev/null || true
}
roles_of() { jwt_payload "$1" | tr -d '\n' | sed -n 's/.*"realm_access":{"roles":\[\([^]]*\)\].*/\1/p'; }

for pair in developer:developer provider:provider finance:finance finance2:finance2 admin:admin; do
  user="${pair%%:*}"; role="$user"; [ "$user" = finance2 ] && role=finance
  if token="$("$KC" token "$user" "${pair#*:}" 2>/dev/null)"; then
    roles="$(roles_of "$token")"
    case "$roles" in
      *"\"$role\""*) ok "$user: token with realm role $role ($roles)" ;;
      *) ko "$user: realm_access.roles lacks $role: $roles" ;;
    esac
  else
    ko "$user: no token"
  fi
done

dev_token="$("$KC" token developer developer 2>/dev/null || true)"

code="$(curl -s -o /tmp/kc-smoke-reg.$$ -w '%{http_code}' \
  "$BASE/registrations?client_id=portal&response_type=code&redirect_uri=http://localhost:8080/login")"
if [ "$code" = 200 ] && grep -q 'kc-register-form' /tmp/kc-smoke-reg.$$; then
  ok "self-registration form for client portal (200)"
else
  ko "self-registration: HTTP $code"
fi
rm -f /tmp/kc-smoke-reg.$$

intro="$(curl -s -u "portal:$SECRET" --data-urlencode "token=$dev_token" "$BASE/token/introspect")"
case "$intro" in
  *'"active":true'*) ok "portal client secret accepted (introspection active:true)" ;;
  *) ko "portal introspection: $intro" ;;
esac
intro="$(curl -s -u "portal:wrong-secret" --data-urlencode "token=$dev_token" "$BASE/token/introspect")"
case "$intro" in
  *'"active":true'*) ko "portal accepted a wrong secret" ;;
  *) ok "portal rejects a wrong secret" ;;
esac

# authorization code flow of the portal, as a browser would do it
jar="$(mktemp)"
page="$(curl -s -c "$jar" -b "$jar" "$BASE/auth?client_id=portal&response_type=code&scope=openid&redirect_uri=http://localhost:8080/login")"
action="$(printf '%s' "$page" | tr -d '\n' | sed -n 's/.*<form[^>]*id="kc-form-login"[^>]*action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')"
[ -n "$action" ] || action="$(printf '%s' "$page" | tr -d '\n' | sed -n 's/.*action="\([^"]*login-actions\/authenticate[^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')"
location=""
[ -n "$action" ] && location="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode username=developer --data-urlencode password=developer "$action")"
rm -f "$jar"
auth_code="$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
if [ -n "$auth_code" ]; then
  resp="$(curl -s -u "portal:$SECRET" -d grant_type=authorization_code --data-urlencode "code=$auth_code" \
    -d redirect_uri=http://localhost:8080/login "$BASE/token")"
  id_token="$(printf '%s' "$resp" | tr -d '\n' | sed -n 's/.*"id_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
  payload="$(jwt_payload "$id_token")"
  case "$payload" in
    *'"developer"'*'"preferred_username":"developer"'*|*'"preferred_username":"developer"'*'"developer"'*)
      case "$payload" in
        *'"email":"developer@marketplace.local"'*) ok "portal auth-code flow: ID token has realm roles, preferred_username, email" ;;
        *) ko "portal ID token lacks email: $payload" ;;
      esac ;;
    *) ko "portal ID token: $payload" ;;
  esac
else
  ko "portal auth-code flow: no code (redirect: $location)"
fi

# bearer-only client: no token for it, password grant refused
resp="$(curl -s -d grant_type=password -d client_id=marketplace-api -d username=developer -d password=developer "$BASE/token")"
case "$resp" in
  *access_token*) ko "marketplace-api issued a token: it should be bearer-only" ;;
  *) ok "marketplace-api issues no tokens (bearer-only)" ;;
esac

echo "$failures failure(s)"
exit "$failures"
