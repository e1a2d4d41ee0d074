#!/usr/bin/env bash
# Octopuses - promote this release to another Octopus server.
#
# Runs as the "Run a Script" step of a deployment on the SOURCE Octopus server: asks Octopuses to promote the
# release being deployed (POST /api/v1/promotions), follows the promotion until it ends, prints its timeline and the
# remote deployment's task log, and succeeds only when the promotion SUCCEEDED.
#
# Needs bash, curl and awk (no jq, no python). The JSON answers are read by the small awk parser below.
# The API token never appears in the output, in `set -x` traces or on curl's command line (it is passed on stdin).
#
# Exit codes: 0 SUCCEEDED; 1 the promotion ended otherwise (FAILED, REJECTED, EXPIRED); 2 a parameter is wrong or
# Octopuses refused the request (problem JSON: 400/401/403/404/409/422); 3 still running when the timeout came
# (the promotion goes on: run the step again to follow it to the end); 4 Octopuses could not be reached or answered
# something unexpected. Timeline times are UTC.
#
# Source: src/main/resources/step-templates/promote-release.sh in the Octopuses repository (docs/step-template.md).

# --- parameters ----------------------------------------------------------------------------------------------

# An Octopus variable, or empty: older Octopus bash bootstraps answer "Unrecognized variable" for unknown names.
octopuses_param() {
    local value
    value=$(get_octopusvariable "$1" 2>/dev/null)
    case $value in
        "Unrecognized variable \""*|"Unrecognized command \""*) value= ;;
    esac
    printf '%s' "$value"
}

# The API token, read with tracing off so that `set -x` never shows it.
octopuses_read_token() {
    local trace=
    case $- in *x*) trace=1; set +x ;; esac
    OCTOPUSES_TOKEN=$(get_octopusvariable "Octopuses.ApiToken" 2>/dev/null)
    case $OCTOPUSES_TOKEN in
        "Unrecognized variable \""*|"Unrecognized command \""*) OCTOPUSES_TOKEN= ;;
    esac
    TOKEN_GIVEN=
    if [ -n "$OCTOPUSES_TOKEN" ]; then TOKEN_GIVEN=1; fi
    if [ -n "$trace" ]; then set -x; fi
}

OCTOPUSES_URL=$(octopuses_param "Octopuses.Url")
OCTOPUSES_URL=${OCTOPUSES_URL%/}
octopuses_read_token
SOURCE_SERVER=$(octopuses_param "Octopuses.SourceServer")
TARGET_SERVER=$(octopuses_param "Octopuses.TargetServer")
TARGET_ENVIRONMENT=$(octopuses_param "Octopuses.TargetEnvironment")
SPACE=$(octopuses_param "Octopuses.Space")
PROJECT=$(octopuses_param "Octopuses.Project")
VERSION=$(octopuses_param "Octopuses.ReleaseVersion")
POLL_SECONDS=$(octopuses_param "Octopuses.PollIntervalSeconds")
TIMEOUT_MINUTES=$(octopuses_param "Octopuses.TimeoutMinutes")
PRINT_LOG=$(octopuses_param "Octopuses.PrintRemoteLog")
DEPLOYMENT_ID=$(octopuses_param "Octopus.Deployment.Id")
[ -n "$PROJECT" ] || PROJECT=$(octopuses_param "Octopus.Project.Name")
[ -n "$VERSION" ] || VERSION=$(octopuses_param "Octopus.Release.Number")
[ -n "$SPACE" ] || SPACE=$(octopuses_param "Octopus.Space.Name")
[ -n "$POLL_SECONDS" ] || POLL_SECONDS=10
[ -n "$TIMEOUT_MINUTES" ] || TIMEOUT_MINUTES=480
[ -n "$PRINT_LOG" ] || PRINT_LOG=always
REQUEST_SECONDS=30

octopuses_fail() { # exit code, message lines
    local code=$1
    shift
    printf '%s\n' "$@" >&2
    exit "$code"
}

missing=
[ -n "$OCTOPUSES_URL" ] || missing="$missing Octopuses.Url"
[ -n "$TOKEN_GIVEN" ] || missing="$missing Octopuses.ApiToken"
[ -n "$SOURCE_SERVER" ] || missing="$missing Octopuses.SourceServer"
[ -n "$TARGET_SERVER" ] || missing="$missing Octopuses.TargetServer"
[ -n "$TARGET_ENVIRONMENT" ] || missing="$missing Octopuses.TargetEnvironment"
[ -n "$PROJECT" ] || missing="$missing Octopuses.Project"
[ -n "$VERSION" ] || missing="$missing Octopuses.ReleaseVersion"
[ -n "$DEPLOYMENT_ID" ] || missing="$missing Octopus.Deployment.Id"
if [ -n "$missing" ]; then
    octopuses_fail 2 "Missing step parameters:$missing." \
        "Fill them in on the step (Octopus.Deployment.Id is set by Octopus: run this step in a deployment, not a runbook)."
fi
case $OCTOPUSES_URL in
    http://*|https://*) ;;
    *) octopuses_fail 2 "Octopuses.Url must start with https:// or http://, not '$OCTOPUSES_URL'." ;;
esac
if ! printf '%s' "$POLL_SECONDS" | grep -Eq '^[0-9]+([.][0-9]+)?$'; then
    octopuses_fail 2 "Octopuses.PollIntervalSeconds must be a number of seconds, not '$POLL_SECONDS'."
fi
if ! printf '%s' "$TIMEOUT_MINUTES" | grep -Eq '^[0-9]+$'; then
    octopuses_fail 2 "Octopuses.TimeoutMinutes must be a whole number of minutes, not '$TIMEOUT_MINUTES'."
fi
case $PRINT_LOG in
    always|failure|never) ;;
    *) octopuses_fail 2 "Octopuses.PrintRemoteLog must be always, failure or never, not '$PRINT_LOG'." ;;
esac
if ! command -v curl >/dev/null 2>&1; then
    octopuses_fail 2 "This step needs curl on the worker or deployment target that runs it."
fi

WORK_DIR=$(mktemp -d 2>/dev/null || mktemp -d -t octopuses)
trap 'rm -rf "$WORK_DIR"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
BODY_FILE="$WORK_DIR/body"
ERROR_FILE="$WORK_DIR/curl-error"
SEEN_FILE="$WORK_DIR/seen"
: > "$SEEN_FILE"

# --- JSON --------------------------------------------------------------------------------------------------

# json FILE get PATH      prints the value at PATH ("state", "remote.taskId", "timeline.#" = length of an array)
# json FILE rows ARRAY F1 F2 ...  prints one record per element: the fields joined by \037, ended by \036
OCTOPUSES_JSON_AWK='
function ws() { while (pos <= n && index(" \t\r\n", substr(s, pos, 1)) > 0) pos++ }
function hex(h,    i, v) { v = 0; h = tolower(h); for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1; return v }
function str(    out, c, code) {
    pos++; out = ""
    while (pos <= n) {
        c = substr(s, pos, 1)
        if (c == "\"") { pos++; return out }
        if (c == "\\") {
            pos++; c = substr(s, pos, 1)
            if (c == "n") out = out "\n"
            else if (c == "t") out = out "\t"
            else if (c == "r") out = out "\r"
            else if (c == "b" || c == "f") out = out
            else if (c == "u") { code = hex(substr(s, pos + 1, 4)); pos += 4; out = out (code >= 32 && code < 127 ? sprintf("%c", code) : (code == 10 ? "\n" : "?")) }
            else out = out c
        } else out = out c
        pos++
    }
    return out
}
function value(path,    c, key, i, start) {
    ws(); c = substr(s, pos, 1)
    if (c == "{") {
        pos++; ws()
        if (substr(s, pos, 1) == "}") { pos++; return }
        while (pos <= n) {
            ws(); key = str(); ws(); pos++
            value(path == "" ? key : path "." key)
            ws(); c = substr(s, pos, 1); pos++
            if (c != ",") return
        }
        return
    }
    if (c == "[") {
        pos++; ws(); i = 0
        if (substr(s, pos, 1) == "]") { pos++; val[path ".#"] = 0; return }
        while (pos <= n) {
            value(path "." i); i++
            ws(); c = substr(s, pos, 1); pos++
            if (c != ",") break
        }
        val[path ".#"] = i
        return
    }
    if (c == "\"") { val[path] = str(); return }
    start = pos
    while (pos <= n && index(",}] \t\r\n", substr(s, pos, 1)) == 0) pos++
    c = substr(s, start, pos - start)
    if (c != "null") val[path] = c
}
{ s = s $0 "\n" }
END {
    n = length(s); pos = 1
    ws(); if (index("{[", substr(s, pos, 1)) == 0) exit 1
    value("")
    if (mode == "get") { if (what in val) printf "%s", val[what]; exit }
    count = val[what ".#"] + 0
    split(fields, f, " ")
    for (i = 0; i < count; i++) {
        line = ""
        for (j = 1; j in f; j++) line = line (j > 1 ? "\037" : "") val[what "." i "." f[j]]
        printf "%s\036", line
    }
}'

json() { # FILE get PATH | FILE rows ARRAY FIELD...
    local file=$1 mode=$2 what=$3
    shift 3
    awk -v mode="$mode" -v what="$what" -v fields="$*" "$OCTOPUSES_JSON_AWK" "$file"
}

# --- HTTP --------------------------------------------------------------------------------------------------

# octopuses_call METHOD PATH [JSON BODY]: the answer's body in $BODY_FILE, its status in $HTTP_STATUS (000 when
# there was no answer; curl's reason in $ERROR_FILE). The token goes to curl on stdin, never as an argument.
octopuses_call() {
    local method=$1 path=$2 data=${3-} trace=
    case $- in *x*) trace=1; set +x ;; esac
    local args=(--silent --show-error --output "$BODY_FILE" --write-out '%{http_code}'
        --connect-timeout 10 --max-time "$REQUEST_SECONDS" --request "$method" --config -
        --header 'Accept: application/json, application/problem+json, text/plain')
    if [ -n "$data" ]; then
        args+=(--header 'Content-Type: application/json' --header "Idempotency-Key: $DEPLOYMENT_ID" --data-binary "$data")
    fi
    : > "$BODY_FILE"
    HTTP_STATUS=$(printf 'header = "Authorization: Bearer %s"\n' "$OCTOPUSES_TOKEN" \
        | curl "${args[@]}" "$OCTOPUSES_URL$path" 2> "$ERROR_FILE")
    [ -n "$HTTP_STATUS" ] || HTTP_STATUS=000
    if [ -n "$trace" ]; then set -x; fi
}

# Why the last call failed, as lines for people: the problem JSON's title, detail and fix, or what came back.
octopuses_problem() {
    local title detail fix
    if [ "$HTTP_STATUS" = 000 ]; then
        printf 'No answer from Octopuses at %s: %s\n' "$OCTOPUSES_URL" "$(tr -d '\r' < "$ERROR_FILE" | tail -n 1)"
        return
    fi
    title=$(json "$BODY_FILE" get title 2>/dev/null)
    detail=$(json "$BODY_FILE" get detail 2>/dev/null)
    fix=$(json "$BODY_FILE" get fix 2>/dev/null)
    if [ -n "$title$detail" ]; then
        printf 'Octopuses answered HTTP %s %s: %s\n' "$HTTP_STATUS" "$title" "$detail"
        [ -z "$fix" ] || printf 'What to do: %s\n' "$fix"
    else
        printf 'Octopuses answered HTTP %s: %s\n' "$HTTP_STATUS" "$(head -c 300 "$BODY_FILE" | tr '\r\n' '  ')"
    fi
    case $HTTP_STATUS in
        401) printf '%s\n' "Check the step parameter Octopuses.ApiToken: a token from POST $OCTOPUSES_URL/api/v1/tokens that is not revoked or expired." ;;
        403) printf '%s\n' "The token's user needs the OPERATOR role in Octopuses (docs/security.md) to start promotions." ;;
    esac
}

json_string() { # a bash string as a JSON string literal
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/\\r}
    s=${s//$'\t'/\\t}
    printf '"%s"' "$s"
}

# --- start the promotion -------------------------------------------------------------------------------------

BODY="{\"sourceServer\":$(json_string "$SOURCE_SERVER"),\"project\":$(json_string "$PROJECT"),\"version\":$(json_string "$VERSION"),\"targetServer\":$(json_string "$TARGET_SERVER"),\"environment\":$(json_string "$TARGET_ENVIRONMENT")"
[ -z "$SPACE" ] || BODY="$BODY,\"space\":$(json_string "$SPACE")"
BODY="$BODY}"

printf 'Promoting %s %s from %s to %s on %s%s via %s\n' "$PROJECT" "$VERSION" "$SOURCE_SERVER" "$TARGET_ENVIRONMENT" \
    "$TARGET_SERVER" "${SPACE:+ (space $SPACE)}" "$OCTOPUSES_URL"

attempt=1
while :; do
    octopuses_call POST /api/v1/promotions "$BODY"
    case $HTTP_STATUS in
        200|201|202) break ;;
        000|5*|429)
            if [ "$attempt" -ge 3 ]; then
                octopuses_fail 4 "Could not start the promotion after $attempt attempts." "$(octopuses_problem)"
            fi
            printf 'Attempt %s to start the promotion failed, retrying with the same Idempotency-Key: %s\n' \
                "$attempt" "$(octopuses_problem | head -n 1)" >&2
            attempt=$((attempt + 1))
            sleep 5 ;;
        *) octopuses_fail 2 "Octopuses refused to start the promotion." "$(octopuses_problem)" ;;
    esac
done

PROMOTION_ID=$(json "$BODY_FILE" get id)
STATUS_PATH=$(json "$BODY_FILE" get statusUrl)
LOG_PATH=$(json "$BODY_FILE" get logUrl)
if [ -z "$PROMOTION_ID" ]; then
    octopuses_fail 4 "Octopuses answered HTTP $HTTP_STATUS without a promotion id: $(head -c 300 "$BODY_FILE")"
fi
[ -n "$STATUS_PATH" ] || STATUS_PATH="/api/v1/promotions/$PROMOTION_ID"
[ -n "$LOG_PATH" ] || LOG_PATH="$STATUS_PATH/log"
if [ "$HTTP_STATUS" = 200 ]; then
    printf 'Promotion %s was already started for %s (Idempotency-Key): following it\n' "$PROMOTION_ID" "$DEPLOYMENT_ID"
else
    printf 'Promotion %s started\n' "$PROMOTION_ID"
fi
printf 'Status: %s%s\n' "$OCTOPUSES_URL" "$STATUS_PATH"
if type set_octopusvariable >/dev/null 2>&1; then
    set_octopusvariable "PromotionId" "$PROMOTION_ID"
fi

# --- follow it -----------------------------------------------------------------------------------------------

print_new_timeline_lines() {
    local at side kind actor detail key
    while IFS=$'\037' read -r -d $'\036' at side kind actor detail; do
        key="$at $side $kind $actor"
        if ! grep -qxF -- "$key" "$SEEN_FILE"; then
            printf '%s\n' "$key" >> "$SEEN_FILE"
            at=${at%Z}
            at=${at%%.*}
            printf '  %s  %-6s  %-18s %s%s\n' "${at/T/ }" "$side" "$kind" "${actor:+$actor: }" \
                "${detail//$'\n'/$'\n'                                       }"
        fi
    done < <(json "$BODY_FILE" rows timeline at side kind actor detail)
}

deadline=$((SECONDS + TIMEOUT_MINUTES * 60))
STATE=
failures=0
while :; do
    octopuses_call GET "$STATUS_PATH"
    case $HTTP_STATUS in
        200)
            failures=0
            print_new_timeline_lines
            STATE=$(json "$BODY_FILE" get state) ;;
        000|5*|429)
            failures=$((failures + 1))
            printf 'Could not read the promotion (%s), trying again: %s\n' "$failures" "$(octopuses_problem | head -n 1)" >&2 ;;
        *) octopuses_fail 2 "Octopuses refused to show promotion $PROMOTION_ID." "$(octopuses_problem)" ;;
    esac
    case $STATE in
        SUCCEEDED|FAILED|REJECTED|EXPIRED) break ;;
    esac
    if [ "$SECONDS" -ge "$deadline" ]; then
        octopuses_fail 3 "Promotion $PROMOTION_ID is still ${STATE:-running} after $TIMEOUT_MINUTES minutes; it goes on in Octopuses." \
            "Follow it at $OCTOPUSES_URL$STATUS_PATH, or run this step again: it follows the same promotion."
    fi
    sleep "$POLL_SECONDS"
done

DETAIL=$(json "$BODY_FILE" get detail)
REMOTE_STATE=$(json "$BODY_FILE" get remote.state)
REMOTE_TASK=$(json "$BODY_FILE" get remote.taskId)
REMOTE_ERROR=$(json "$BODY_FILE" get remote.error)
if type set_octopusvariable >/dev/null 2>&1; then
    set_octopusvariable "PromotionState" "$STATE"
fi

if [ -n "$REMOTE_STATE" ] && { [ "$PRINT_LOG" = always ] || { [ "$PRINT_LOG" = failure ] && [ "$STATE" != SUCCEEDED ]; }; }; then
    octopuses_call GET "$LOG_PATH"
    if [ "$HTTP_STATUS" = 200 ]; then
        printf -- '----- remote task log: %s on %s (%s) -----\n' "${REMOTE_TASK:-task}" "$TARGET_SERVER" "$REMOTE_STATE"
        cat "$BODY_FILE"
        if [ -n "$(tail -c 1 "$BODY_FILE")" ]; then echo; fi
        printf -- '----- end of remote task log -----\n'
    else
        printf 'The remote task log is not available: %s\n' "$(octopuses_problem | head -n 1)" >&2
    fi
fi

if [ "$STATE" = SUCCEEDED ]; then
    printf 'Promotion %s SUCCEEDED%s\n' "$PROMOTION_ID" "${DETAIL:+: $DETAIL}"
    exit 0
fi
octopuses_fail 1 "Promotion $PROMOTION_ID $STATE${DETAIL:+: $DETAIL}" \
    ${REMOTE_ERROR:+"Remote deployment: $REMOTE_ERROR"} "See $OCTOPUSES_URL$STATUS_PATH"
