#!/usr/bin/env bash
# Installs the release build as a system service: binaries, the Config/ folder with its
# paths rewritten for /etc and /var/lib, the systemd unit and the `reportd` system user.
# Called by `make install`, which passes the directories.
set -euo pipefail

: "${PREFIX:=/usr/local}" "${SYSCONFDIR:=/etc/reportd}" "${STATEDIR:=/var/lib/reportd}"
: "${UNITDIR:=/etc/systemd/system}" "${BUILD_DIR:=.build/release}" "${DESTDIR:=}"
executables=(reportd reportctl report-parser report-indexer report-summarizer reportd-web)

fail() { echo "install: $*" >&2; exit 1; }

for executable in "${executables[@]}"; do
    [ -x "$BUILD_DIR/$executable" ] || fail "$BUILD_DIR/$executable is missing; run \`make release\` first"
done
[ -f Config/reportd.toml ] || fail "Config/reportd.toml is missing; run from the repository root"
compgen -G "Config/plugins/*.toml" >/dev/null || fail "Config/plugins/ has no plugin manifests"

install -d "$DESTDIR$PREFIX/bin" "$DESTDIR$SYSCONFDIR" "$DESTDIR$UNITDIR"
for executable in "${executables[@]}"; do
    install -m 0755 "$BUILD_DIR/$executable" "$DESTDIR$PREFIX/bin/$executable"
done

staged="$(mktemp)"
trap 'rm -f "$staged"' EXIT

# Man pages and shell completions, generated from the binaries' own argument parsers so they
# always describe the flags these binaries take.
install -d "$DESTDIR$PREFIX/share/man/man1" "$DESTDIR$PREFIX/share/man/man8" \
    "$DESTDIR$PREFIX/share/bash-completion/completions" "$DESTDIR$PREFIX/share/zsh/site-functions" \
    "$DESTDIR$PREFIX/share/fish/vendor_completions.d"
python3 scripts/manpage.py "$BUILD_DIR/reportctl" 1 > "$staged"
install -m 0644 "$staged" "$DESTDIR$PREFIX/share/man/man1/reportctl.1"
python3 scripts/manpage.py "$BUILD_DIR/reportd" 8 > "$staged"
install -m 0644 "$staged" "$DESTDIR$PREFIX/share/man/man8/reportd.8"
"$BUILD_DIR/reportctl" --generate-completion-script bash > "$staged"
install -m 0644 "$staged" "$DESTDIR$PREFIX/share/bash-completion/completions/reportctl"
"$BUILD_DIR/reportctl" --generate-completion-script zsh > "$staged"
install -m 0644 "$staged" "$DESTDIR$PREFIX/share/zsh/site-functions/_reportctl"
"$BUILD_DIR/reportctl" --generate-completion-script fish > "$staged"
install -m 0644 "$staged" "$DESTDIR$PREFIX/share/fish/vendor_completions.d/reportctl.fish"

# Installs $staged as $1, except over a file the operator changed: the new default then
# lands beside it as $1.new, so reinstalling never undoes local tuning.
install_config() {
    local target="$DESTDIR$SYSCONFDIR/$1"
    install -d "$(dirname "$target")"
    if [ -e "$target" ] && ! cmp -s "$staged" "$target"; then
        install -m 0644 "$staged" "$target.new"
        echo "install: kept your $target; the new default is $target.new"
    else
        install -m 0644 "$staged" "$target"
    fi
}

# The repository's inbox and data folders become the state directory. plugins_dir and the
# dictionaries keep their places relative to reportd.toml, since Config/'s layout is kept.
sed -E \
    -e "s#^([[:space:]]*inbox[[:space:]]*=[[:space:]]*).*#\1\"$STATEDIR/inbox\"#" \
    -e "s#^([[:space:]]*data_dir[[:space:]]*=[[:space:]]*).*#\1\"$STATEDIR/data\"#" \
    -e "s#^([[:space:]]*plugins_dir[[:space:]]*=[[:space:]]*).*#\1\"$SYSCONFDIR/plugins\"#" \
    Config/reportd.toml > "$staged"
for key in "inbox = \"$STATEDIR/inbox\"" "data_dir = \"$STATEDIR/data\"" "plugins_dir = \"$SYSCONFDIR/plugins\""; do
    grep -q "^[[:space:]]*$key" "$staged" || fail "Config/reportd.toml has no ${key%% =*} key to rewrite"
done
install_config reportd.toml

# Everything else under Config/ (plugin manifests, dictionaries) is copied as it is.
while IFS= read -r -d '' file; do
    relative="${file#Config/}"
    [ "$relative" = reportd.toml ] && continue
    cp "$file" "$staged"
    install_config "$relative"
done < <(find Config -type f -print0)

sed -e "s#/usr/local/bin/reportd#$PREFIX/bin/reportd#" \
    -e "s#/etc/reportd/reportd.toml#$SYSCONFDIR/reportd.toml#" \
    -e "s#/var/lib/reportd#$STATEDIR#g" \
    deploy/reportd.service > "$staged"
install -m 0644 "$staged" "$DESTDIR$UNITDIR/reportd.service"
sed -e "s#/usr/local/bin/reportd-web#$PREFIX/bin/reportd-web#" \
    -e "s#/etc/reportd/reportd.toml#$SYSCONFDIR/reportd.toml#" \
    deploy/reportd-web.service > "$staged"
install -m 0644 "$staged" "$DESTDIR$UNITDIR/reportd-web.service"

# A staged install (DESTDIR) is for packaging: users and live services are the package's job.
if [ -n "$DESTDIR" ]; then
    exit 0
fi

if ! id -u reportd >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$STATEDIR" --no-create-home \
        --shell /usr/sbin/nologin --comment "reportd daemon" reportd
    echo "install: created system user reportd"
fi
# The inbox is group-writable (and setgid) so operators in group reportd can drop files.
install -d -o reportd -g reportd -m 0750 "$STATEDIR"
install -d -o reportd -g reportd -m 2770 "$STATEDIR/inbox"
install -d -o reportd -g reportd -m 0750 "$STATEDIR/data"

if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
fi
echo "install: done; start it with: systemctl enable --now reportd"
echo "install: and the web view (http://127.0.0.1:8080/) with: systemctl enable --now reportd-web"
