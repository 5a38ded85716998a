# SPDX-License-Identifier: GPL-2.0
# fw443: the kernel module (kmod/, via Kbuild), the fw443 tool (userspace/),
# and the tests. See README.md.

# Headers of the running kernel when it has them, else the newest Debian
# linux-headers-*-amd64 installed (the test VM boots the matching image).
KDIR ?= $(or $(wildcard /lib/modules/$(shell uname -r)/build),\
	$(shell ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1))

BUILD := $(CURDIR)/build
LINUX_SRC := $(BUILD)/linux-source
KSELFTEST_DIR := $(LINUX_SRC)/tools/testing/selftests
CHECKPATCH := $(LINUX_SRC)/scripts/checkpatch.pl
export FW443_BUILD := $(BUILD)

# make check T="unit vm/counters": run only these suites or groups.
T ?=

.PHONY: all module userspace unit fuzz deps check check-debug bench demo checkpatch clean

all: module userspace

module:
	@test -n "$(KDIR)" || { echo "no kernel headers found: run make deps, or set KDIR" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

userspace:
	$(MAKE) -C userspace

$(LINUX_SRC)/.done: scripts/linux-source.sh
	scripts/linux-source.sh $(LINUX_SRC)
	touch $@

unit: $(LINUX_SRC)/.done
	$(MAKE) -C tests/unit KSELFTEST_DIR=$(KSELFTEST_DIR)

fuzz:
	$(MAKE) -C tests/fuzz

deps:
	scripts/deps.sh

# Install what is missing first, so both work on a fresh Debian machine.
check:
	@scripts/deps.sh --check 2>/dev/null || scripts/deps.sh
	$(MAKE) all unit fuzz
	tests/check.sh $(T)

# The VM suite on a debug kernel (KASAN, lockdep, kmemleak, UBSAN, ...),
# built from linux-source-6.1 once per machine (about 15 minutes).
check-debug:
	@scripts/deps.sh --check 2>/dev/null || scripts/deps.sh
	$(MAKE) all fuzz
	FW443_MATRIX=debug FW443_TIMEOUT_SCALE=4 tests/check.sh $(or $(T),vm)

# Instruction counts against nftables and ipset, written to BENCHMARKS.md.
bench:
	@scripts/deps.sh --check 2>/dev/null || scripts/deps.sh
	$(MAKE) all
	tests/bench/run.sh

demo:
	@scripts/deps.sh --check 2>/dev/null || scripts/deps.sh
	$(MAKE) all
	tests/vm/run.sh --demo

KMOD_SOURCES := $(filter-out %.mod.c,$(wildcard kmod/*.[ch]))

checkpatch: $(LINUX_SRC)/.done
	$(CHECKPATCH) --no-tree --quiet --show-types -f $(KMOD_SOURCES) include/uapi/linux/fw443.h

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C userspace clean
	$(MAKE) -C tests/unit clean
	$(MAKE) -C tests/fuzz clean
	$(MAKE) -C tests/bench clean
	rm -rf $(BUILD)
