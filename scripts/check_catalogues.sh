#!/usr/bin/env bash
# Fails when a string in the code has no translation in fi, sv or en, or a
# translation is fuzzy. Runs makemessages on a copy so the tree stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
backup=$(mktemp -d)
trap 'rm -rf kuulo/locale && cp -rp "$backup/locale" kuulo/locale && rm -rf "$backup"' EXIT
cp -rp kuulo/locale "$backup/locale"
.venv/bin/python manage.py makemessages -l fi -l sv -l en --no-obsolete \
  --ignore=.venv --ignore=tests --ignore=bench --ignore=data -v0
status=0
for po in kuulo/locale/*/LC_MESSAGES/*.po; do
  stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po: $stats"; status=1 ;;
  esac
done
[ $status -eq 0 ] && echo "Catalogues complete: fi, sv, en."
exit $status
