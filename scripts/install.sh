#!/usr/bin/env bash
# Installs the release build as a system service: binaries, configuration with
# paths rewritten for /etc and /var/lib, the dictionary, the systemd unit and the
# `reportd` system user. Called by `make install`, which passes the directories.
set -euo pipefail

: "${PREFIX:=/usr/local}" "${SYSCONFDIR:=/etc/reportd}" "${DATADIR:=$PREFIX/share/reportd}"
: "${STATEDIR:=/var/lib/reportd}" "${UNITDIR:=/etc/systemd/system}" "${BUILD_DIR:=.build/release}"
: "${DESTDIR:=}"
executables=(reportd reportctl report-parser report-indexer report-summarizer)

fail() { echo "install: $*" >&2; exit 1; }

for executable in "${executables[@]}"; do
    [ -x "$BUILD_DIR/$executable" ] || fail "$BUILD_DIR/$executable is missing; run \`make release\` first"
done
[ -f Config/reportd.toml ] || fail "Config/reportd.toml is missing; run from the repository root"

install -d "$DESTDIR$PREFIX/bin" "$DESTDIR$SYSCONFDIR/plugins" "$DESTDIR$DATADIR" "$DESTDIR$UNITDIR"
for executable in "${executables[@]}"; do
    install -m 0755 "$BUILD_DIR/$executable" "$DESTDIR$PREFIX/bin/$executable"
done

# Repository-relative paths in the shipped configuration become the installed ones.
# Keys may sit in any table, so match the key at the start of a line.
rewrite_paths() {
    sed -E \
        -e "s#^([[:space:]]*inbox(_dir)?[[:space:]]*=[[:space:]]*).*#\1\"$STATEDIR/inbox\"#" \
        -e "s#^([[:space:]]*data(_dir)?[[:space:]]*=[[:space:]]*).*#\1\"$STATEDIR/data\"#" \
        -e "s#^([[:space:]]*plugins_dir[[:space:]]*=[[:space:]]*).*#\1\"$SYSCONFDIR/plugins\"#" \
        "$1" | rewrite_dictionary
}

rewrite_dictionary() {
    sed -E "s#\"(\./)?Config/dict#\"$DATADIR/dict#g"
}

config="$DESTDIR$SYSCONFDIR/reportd.toml"
staged="$(mktemp)"
trap 'rm -f "$staged"' EXIT
rewrite_paths Config/reportd.toml > "$staged"
for expected in "$STATEDIR/inbox" "$STATEDIR/data" "$SYSCONFDIR/plugins"; do
    grep -q "\"$expected\"" "$staged" ||
        fail "Config/reportd.toml has no inbox, data_dir (or data) or plugins_dir key to point at $expected"
done
# An operator's edits survive reinstalls: the new default lands beside the live file.
if [ -e "$config" ] && ! cmp -s "$staged" "$config"; then
    install -m 0644 "$staged" "$config.new"
    echo "install: kept your $config; the new default is $config.new"
else
    install -m 0644 "$staged" "$config"
fi

# Manifests describe the binaries installed with them, so they follow each release.
for manifest in Config/plugins/*.toml; do
    [ -e "$manifest" ] || fail "Config/plugins/ has no plugin manifests"
    rewrite_dictionary < "$manifest" > "$staged"
    install -m 0644 "$staged" "$DESTDIR$SYSCONFDIR/plugins/$(basename "$manifest")"
done

if [ -d Config/dict ]; then
    rm -rf "$DESTDIR$DATADIR/dict"
    cp -r Config/dict "$DESTDIR$DATADIR/dict"
    chmod -R u=rwX,go=rX "$DESTDIR$DATADIR/dict"
fi

sed -e "s#/usr/local/bin/reportd#$PREFIX/bin/reportd#" \
    -e "s#/etc/reportd/reportd.toml#$SYSCONFDIR/reportd.toml#" \
    -e "s#/var/lib/reportd#$STATEDIR#g" \
    deploy/reportd.service > "$staged"
install -m 0644 "$staged" "$DESTDIR$UNITDIR/reportd.service"

# A staged install (DESTDIR) is for packaging: users and live services are the package's job.
if [ -n "$DESTDIR" ]; then
    exit 0
fi

if ! id -u reportd >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$STATEDIR" --no-create-home \
        --shell /usr/sbin/nologin --comment "reportd daemon" reportd
    echo "install: created system user reportd"
fi
# The inbox is group-writable so operators in group reportd can drop files.
install -d -o reportd -g reportd -m 0750 "$STATEDIR"
install -d -o reportd -g reportd -m 2770 "$STATEDIR/inbox"
install -d -o reportd -g reportd -m 0750 "$STATEDIR/data"

if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
fi
echo "install: done; start it with: systemctl enable --now reportd"
