# reportd: `make run` to try it, `make test` to check it, `make install` to deploy it.

# Swift lives in /opt/swift on the team's machines and CI; a PATH that has it first wins.
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
# Debian's interpreter: python3-zmq is installed for it, not for pyenv or venv ones.
PYTHON ?= /usr/bin/python3

PREFIX ?= /usr/local
SYSCONFDIR ?= /etc/reportd
STATEDIR ?= /var/lib/reportd
UNITDIR ?= /etc/systemd/system
DESTDIR ?=

# End-to-end tests start daemons and plugin processes; one at a time keeps them
# from fighting over the two cores and makes their timeouts meaningful.
SWIFT_TEST_FLAGS ?= --no-parallel
BENCH_FLAGS ?=
BENCH_TEXT_FLAGS ?=
BENCH_WEB_FLAGS ?=
BENCH_ANALYSIS_FLAGS ?=
FUZZ_SECONDS ?= 60

.PHONY: help deps release debug run test eval heldout chaos fuzz bench bench-text bench-text-build bench-analysis bench-micro install uninstall clean

help:
	@echo "make run        build (release) and run reportd in the foreground on ./var, the web view on http://127.0.0.1:8080/"
	@echo "make test       build everything (debug) and run the whole test suite"
	@echo "make eval       parse every fixture and print what was found (metadata, sections, indicators)"
	@echo "make heldout    score the parser on the held-out reports (Tests/Fixtures/heldout): right, null, wrong"
	@echo "make chaos      the long fault scenarios: kill -9 at five points of a 500-report burst, a 200 MB file"
	@echo "make fuzz       libFuzzer on the decoders, the normaliser and the parser (FUZZ_SECONDS=$(FUZZ_SECONDS) each)"
	@echo "make bench      build (release), measure issue 7's targets then issue 5's: two tables, 3 runs each (BENCH_FLAGS='--runs 1 --backlog 1000')"
	@echo "make bench-text issue 5's table alone: segmenter (beside Python jieba), index, queries, summarizer (BENCH_TEXT_FLAGS='--runs 1')"
	@echo "make bench-analysis issue 15's table alone: track, series, compare p99 on 100,000 reports; ingestion with queries (BENCH_ANALYSIS_FLAGS='--runs 1 --reports 10000')"
	@echo "make bench-micro  the text-work micro-benchmarks in Benchmarks/ (parser, segmenter, index, summarizer)"
	@echo "make release    build the release binaries (as yourself, before sudo make install)"
	@echo "make install    install binaries, Config/ into $(SYSCONFDIR), the systemd unit and user (PREFIX=$(PREFIX))"
	@echo "make uninstall  remove what install put in place, keeping config and data"
	@echo "make clean      remove build products"

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release

# End-to-end tests spawn the built executables, so every product is built, not just the tests.
debug: deps
	$(SWIFT) build

# The web view (http://127.0.0.1:8080/) runs beside the daemon and stops with it.
run: release
	mkdir -p var/inbox var/data
	.build/release/reportd-web --config Config/reportd.toml & web=$$!; \
	trap 'kill $$web 2>/dev/null' EXIT INT TERM; \
	.build/release/reportd --config Config/reportd.toml

# Ends with one line counting XCTest and Swift Testing results together.
test: debug
	SWIFT=$(SWIFT) scripts/run-tests.sh $(SWIFT_TEST_FLAGS)

# One table per aspect, a row per fixture in Tests/Fixtures (corpus and variants): a
# regression in the parser shows as a changed cell. Only the parser is built.
eval: deps
	$(SWIFT) build --product report-parser
	$(PYTHON) scripts/eval-table.py .build/debug/report-parser

heldout: deps
	$(SWIFT) build --product report-parser
	$(PYTHON) scripts/heldout-score.py .build/debug/report-parser

# The scenarios in Tests/EndToEndTests/Chaos skip themselves unless REPORTD_CHAOS=1.
chaos: debug
	REPORTD_CHAOS=1 SWIFT=$(SWIFT) scripts/run-tests.sh $(SWIFT_TEST_FLAGS) --filter ChaosTests

# A package of its own (Fuzz/), built with -sanitize=fuzzer,address, so the main build stays clean.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) scripts/fuzz.sh

# Issue 7's targets, end to end (the daemon and its default plugins), in one table, then issue 5's
# in another (bench-text); see bench/README.md. Both are built first, so a build error shows at once.
# About 12 + 9 minutes with the defaults on a quiet 2-core machine; BENCH_FLAGS and
# BENCH_TEXT_FLAGS scale them down.
# Then issue 16's: reportd-web's page render p99 on a 10,000-report store (bench/web_bench.py;
# BENCH_WEB_FLAGS='--reports 1000 --requests 50' scales it down).
# Then issue 15's: track, series, compare and trend p99 on 100,000 stored reports, and ingestion with a
# query every 50 ms against ingestion alone (bench/analysis_bench.py; bench-analysis alone). Its
# first run builds the search index of 100,000 report variants `trend` counts over (Benchmarks/
# VariantIndex, 25–60 minutes), kept in Benchmarks/.build for the next runs.
bench: release bench-text-build
	$(PYTHON) bench/e2e_bench.py --build-dir .build/release $(BENCH_FLAGS)
	$(BENCH_TEXT)
	$(PYTHON) bench/web_bench.py --build-dir .build/release $(BENCH_WEB_FLAGS)
	$(PYTHON) bench/analysis_bench.py --build-dir .build/release $(BENCH_ANALYSIS_FLAGS)

bench-analysis: release bench-text-build
	$(PYTHON) bench/analysis_bench.py --build-dir .build/release $(BENCH_ANALYSIS_FLAGS)

# Issue 5's figures from the micro-benchmarks in Benchmarks/, several runs, Python jieba measured beside.
BENCH_TEXT = $(PYTHON) bench/text_bench.py --build-dir Benchmarks/.build/release $(BENCH_TEXT_FLAGS)
BENCH_TEXT_PRODUCTS = SegmentationBenchmarks SearchBenchmarks SummarizingBenchmarks VariantIndex

bench-text: bench-text-build
	$(BENCH_TEXT)

bench-text-build: deps
	cd Benchmarks && for product in $(BENCH_TEXT_PRODUCTS); do $(SWIFT) build -c release --product $$product || exit 1; done

# The text work alone (ordo-one/benchmark, a package of its own in Benchmarks/).
bench-micro: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --format markdown --no-progress

# No build here: `sudo make install` would leave root-owned files in .build.
install:
	PREFIX=$(PREFIX) SYSCONFDIR=$(SYSCONFDIR) STATEDIR=$(STATEDIR) \
	UNITDIR=$(UNITDIR) DESTDIR=$(DESTDIR) BUILD_DIR=.build/release scripts/install.sh

uninstall:
	PREFIX=$(PREFIX) SYSCONFDIR=$(SYSCONFDIR) STATEDIR=$(STATEDIR) \
	UNITDIR=$(UNITDIR) DESTDIR=$(DESTDIR) scripts/uninstall.sh

clean:
	rm -rf .build
