#!/usr/bin/env bash
# Installs the Debian packages that building, testing and running reportd need,
# and only those that are missing, so repeated `make` runs stay offline and fast.
set -euo pipefail

packages=(
    make pkg-config
    libzmq3-dev        # libzmq, wrapped by the ZMQ target
    libsqlite3-dev     # SQLite, linked by GRDB
    libopencc-dev opencc  # traditional → simplified conversion (library and its data, CLI)
    python3-jieba      # its dict.txt is the word segmentation dictionary; bench/text_bench.py times it
    poppler-utils      # pdftotext, for reports dropped as PDF
    python3 python3-zmq  # the example Python plugin and bench/e2e_bench.py
    sqlite3            # inspecting the store by hand
    groff-base         # the install test checks the generated man pages with groff
    systemd            # systemd-analyze, for the unit file tests
    procps             # /bin/kill, the unit's ExecReload
    iproute2           # ss, and `ip netns` for the remote-worker test
    # promtool, for the test that checks a /metrics scrape (`promtool check metrics`). The
    # package is the whole Prometheus server: 22.5 MB to download, 332 MB installed, 47 s to
    # install here (measured on this 2-core machine). On a machine running systemd it also
    # enables and starts prometheus.service on :9090; `systemctl disable --now prometheus` if unwanted.
    prometheus
    chromium           # headless, for the web view's end-to-end tests and its screenshots
    fonts-noto-cjk     # so those screenshots show Chinese rather than boxes
)

is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: missing ${missing[*]}, and not root nor sudo to install them" >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
