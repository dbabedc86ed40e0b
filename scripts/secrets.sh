# shellcheck shell=bash
# .freshloop/secrets.env: random local secrets, generated once (mode 600) and never printed.

SECRET_KEYS=(
    FRESHLOOP_JWT_SECRET
    FRESHLOOP_PG_ADMIN_USER
    FRESHLOOP_PG_ADMIN_PASSWORD
    DB_PASSWORD_PROFILE
    DB_PASSWORD_RECOMMENDATION
    DB_PASSWORD_MARKETING
    DB_PASSWORD_SUPPLY
    DB_PASSWORD_MEMBERSHIP
)

new_secret_value() {
    case "$1" in
        FRESHLOOP_JWT_SECRET) openssl rand -hex 32 ;; # 64 hex chars: a 256-bit HS256 key
        FRESHLOOP_PG_ADMIN_USER) echo freshloop ;;
        *) openssl rand -hex 16 ;;
    esac
}

# Creates the file, or adds keys a newer version of this script knows about; keeps existing values.
ensure_secrets() {
    ensure_dirs
    require_tool openssl openssl
    local key added=()
    if [[ ! -f $SECRETS ]]; then
        (
            umask 077
            : >"$SECRETS"
        )
    fi
    for key in "${SECRET_KEYS[@]}"; do
        if ! grep -q "^$key=" "$SECRETS"; then
            printf '%s=%s\n' "$key" "$(new_secret_value "$key")" >>"$SECRETS"
            added+=("$key")
        fi
    done
    chmod 600 "$SECRETS"
    [[ ${#added[@]} -gt 0 ]] && info "generated ${#added[@]} local secret(s) in ${SECRETS#"$ROOT"/}"
    load_secrets
}

# Reads the secrets into (unexported) shell variables; children get only what is passed to them.
load_secrets() {
    local key value
    while IFS='=' read -r key value; do
        [[ $key =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
        printf -v "$key" '%s' "$value"
    done <"$SECRETS"
}
