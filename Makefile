# equilab: thin wrappers around CMake. `make run` and `make test` work on a fresh Debian machine.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
PACKAGES := g++ make cmake libboost-dev libboost-graph-dev libgmp-dev nlohmann-json3-dev libcli11-dev \
            liblpsolve55-dev libglpk-dev libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build setup test run bench clean format

all: build

# Installs the Debian packages the project needs; does nothing when they are all present.
setup:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "setup: all packages present"; fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: setup build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

run: setup build
	mkdir -p reports/out
	$(BUILD)/equilab reproduce --report reports/out/reproduce.md
	@echo "report: reports/out/reproduce.md"

# Every suite in bench/, Google Benchmark JSON under reports/data/ (EQUILAB_BENCH_MAX caps the LP sizes).
bench: setup build
	mkdir -p reports/data
	for b in $(BUILD)/bench/bench_*; do \
	  $$b --benchmark_out=reports/data/$$(basename $$b).json --benchmark_out_format=json || exit 1; \
	done

clean:
	rm -rf $(BUILD)

format:
	clang-format -i $$(git ls-files '*.h' '*.cpp')
