#!/usr/bin/env bash
# Removes what scripts/install.sh put in place, except the configuration in SYSCONFDIR,
# the reports and database in STATEDIR and the reportd user: those hold the operator's work.
set -euo pipefail

: "${PREFIX:=/usr/local}" "${SYSCONFDIR:=/etc/reportd}" "${STATEDIR:=/var/lib/reportd}"
: "${UNITDIR:=/etc/systemd/system}" "${DESTDIR:=}"
live=""
if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ]; then
    live=yes
fi

for unit in reportd-web.service reportd.service; do
    if [ -n "$live" ] && [ -e "$UNITDIR/$unit" ]; then
        systemctl disable --now "$unit" || true
    fi
    rm -f "$DESTDIR$UNITDIR/$unit"
done
if [ -n "$live" ]; then
    systemctl daemon-reload
fi
for executable in reportd reportctl report-parser report-indexer report-summarizer reportd-web; do
    rm -f "$DESTDIR$PREFIX/bin/$executable"
done
rm -f "$DESTDIR$PREFIX/share/man/man1/reportctl.1" "$DESTDIR$PREFIX/share/man/man8/reportd.8" \
    "$DESTDIR$PREFIX/share/bash-completion/completions/reportctl" "$DESTDIR$PREFIX/share/zsh/site-functions/_reportctl" \
    "$DESTDIR$PREFIX/share/fish/vendor_completions.d/reportctl.fish"
echo "uninstall: kept $SYSCONFDIR, $STATEDIR and the reportd user; remove them by hand if no longer needed"
