#!/bin/sh
# Start the packaged app with no Python anywhere on PATH and run what a user would:
#   packaging/smoke_test.sh [dist/ImagingNet]
# --exit-after-start (window painted offscreen), new --demo, report --json, export partners (CSV and XLSX),
# snapshot and changes. Exits non-zero on the first failure.
set -eu

APP=$(cd "${1:-dist/ImagingNet}" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/bin" "$WORK/home"  # PATH is this empty folder: no python, python3 or anything else

run() {
    env -i PATH="$WORK/bin" HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_RUNTIME_DIR="$WORK/home" "$@"
}
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

if run /bin/sh -c 'command -v python3 || command -v python || command -v py' >/dev/null 2>&1; then
    fail "a Python is on the PATH the app is given"
fi
for plugin in platforms/libqoffscreen.so platforms/libqxcb.so; do
    [ -f "$APP/_internal/PySide6/Qt/plugins/$plugin" ] || fail "Qt plugin $plugin is missing"
done
[ -f "$APP/_internal/imagingnet_desktop/resources/demo-network.csv" ] || fail "resources are missing"

cd "$WORK"
run "$APP/imagingnet-cli" --version
run "$APP/imagingnet-cli" new "$WORK/demo.imagingnet" --demo || fail "new --demo"
run "$APP/ImagingNet" --exit-after-start "$WORK/demo.imagingnet" || fail "--exit-after-start"
run "$APP/imagingnet-cli" report "$WORK/demo.imagingnet" --json > "$WORK/report.json" || fail "report --json"
[ "$(grep -c '"code":' "$WORK/report.json")" -eq 5 ] || fail "report --json does not list the 5 demo partners"
run "$APP/imagingnet-cli" snapshot "$WORK/demo.imagingnet" "Before" || fail "snapshot"
run "$APP/imagingnet-cli" export partners "$WORK/demo.imagingnet" -o "$WORK/partners.csv" || fail "export csv"
run "$APP/imagingnet-cli" export shares "$WORK/demo.imagingnet" -o "$WORK/shares.xlsx" || fail "export xlsx"
run "$APP/imagingnet-cli" export checklist "$WORK/demo.imagingnet" -o "$WORK/checklist.xlsx" || fail "export checklist"
run "$APP/imagingnet-cli" export record "$WORK/demo.imagingnet" -o "$WORK/record.csv" || fail "export record"
head -1 "$WORK/record.csv" | grep -q 'type,text,date' || fail "the record CSV has no header"
head -1 "$WORK/partners.csv" | grep -q 'code,name,organisation_type' || fail "the CSV has no template header"
[ -s "$WORK/shares.xlsx" ] || fail "the XLSX is empty"
run "$APP/imagingnet-cli" import-partners "$WORK/demo.imagingnet" "$WORK/partners.csv" || fail "re-import"
run "$APP/imagingnet-cli" changes "$WORK/demo.imagingnet" --since Before --json | grep -q '"changes": \[\]' \
    || fail "re-importing the exported partners changed something"
run "$APP/ImagingNet" "$WORK/missing.imagingnet" --exit-after-start 2>/dev/null && fail "a missing file was opened"
echo "smoke test passed: $APP ($(du -sh "$APP" | cut -f1))"
