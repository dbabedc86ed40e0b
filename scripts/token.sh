# shellcheck shell=bash
# HS256 JWTs for the local platform, signed with FRESHLOOP_JWT_SECRET (its hex text's UTF-8 bytes
# are the key, as the services read it).

TOKEN_ISSUER=freshloop-local
TOKEN_TTL_SECONDS=$((12 * 3600))

base64url() {
    openssl base64 -A | tr '+/' '-_' | tr -d '='
}

# jwt SUBJECT ROLE: prints header.payload.signature
jwt() {
    local subject=$1 role=$2 now header payload signing_input signature
    now=$(date +%s)
    header=$(printf '{"alg":"HS256","typ":"JWT"}' | base64url)
    payload=$(printf '{"sub":"%s","roles":["%s"],"iss":"%s","iat":%d,"exp":%d}' \
        "$subject" "$role" "$TOKEN_ISSUER" "$now" $((now + TOKEN_TTL_SECONDS)) | base64url)
    signing_input="$header.$payload"
    signature=$(printf '%s' "$signing_input" |
        openssl dgst -sha256 -mac HMAC -macopt "key:$FRESHLOOP_JWT_SECRET" -binary | base64url)
    printf '%s.%s\n' "$signing_input" "$signature"
}

cmd_token() {
    local role=shopper
    case "${1:-}" in
        --operator)
            role=operator
            shift
            ;;
        -h | --help | '')
            echo "usage: ./freshloop token USER | ./freshloop token --operator NAME" >&2
            return 2
            ;;
    esac
    [[ $# -eq 1 ]] || { echo "usage: ./freshloop token USER | ./freshloop token --operator NAME" >&2; return 2; }
    # The subject is put into JSON as it is: allow only characters that need no escaping.
    [[ $1 =~ ^[A-Za-z0-9._@:+-]{1,128}$ ]] || die "a user id may contain letters, digits and . _ @ : + - only"
    ensure_secrets >&2
    jwt "$1" "$role"
}
