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

.PHONY: all module userspace unit fuzz deps check check-debug bench demo checkpatch clean \
	install uninstall install-dkms

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

# Installation, for packagers (DESTDIR) and appliance images. The module
# goes to the kernel KDIR belongs to; DKMS rebuilds it for later ones.
VERSION := $(shell sed -n 's/^\#define FW443_VERSION "\(.*\)"$$/\1/p' kmod/fw443.h)
KRELEASE = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"$$/\1/p' $(KDIR)/include/generated/utsrelease.h)
PREFIX ?= /usr
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
COMPLETIONSDIR ?= $(PREFIX)/share/bash-completion/completions
UNITDIR ?= /lib/systemd/system
SYSCONFDIR ?= /etc
DKMS_SRC = /usr/src/fw443-$(VERSION)
UNITS := $(wildcard packaging/systemd/*.service packaging/systemd/*.timer)
INSTALLED = $(SBINDIR)/fw443 $(MANDIR)/man8/fw443.8 \
	$(COMPLETIONSDIR)/fw443 $(addprefix $(UNITDIR)/,$(notdir $(UNITS)))

install: all
	install -D -m 0644 kmod/fw443.ko $(DESTDIR)/lib/modules/$(KRELEASE)/updates/fw443.ko
	install -D -m 0755 userspace/fw443 $(DESTDIR)$(SBINDIR)/fw443
	install -D -m 0644 man/fw443.8 $(DESTDIR)$(MANDIR)/man8/fw443.8
	install -D -m 0644 packaging/bash-completion/fw443 $(DESTDIR)$(COMPLETIONSDIR)/fw443
	install -d $(DESTDIR)$(UNITDIR)
	install -m 0644 $(UNITS) $(DESTDIR)$(UNITDIR)/
	test -e $(DESTDIR)$(SYSCONFDIR)/fw443/ruleset || \
		install -D -m 0644 packaging/etc/ruleset $(DESTDIR)$(SYSCONFDIR)/fw443/ruleset
	$(if $(DESTDIR),,depmod -a $(KRELEASE))

# The ruleset is the operator's: it stays, as a package's conffile would.
uninstall:
	rm -f $(DESTDIR)/lib/modules/$(KRELEASE)/updates/fw443.ko \
		$(addprefix $(DESTDIR),$(INSTALLED))
	$(if $(DESTDIR),,depmod -a $(KRELEASE))

# The module's sources where DKMS looks for them; then, as root:
# dkms install fw443/$(VERSION)
install-dkms:
	install -D -m 0644 -t $(DESTDIR)$(DKMS_SRC) dkms.conf Kbuild
	install -D -m 0644 -t $(DESTDIR)$(DKMS_SRC)/kmod kmod/Kbuild $(KMOD_SOURCES)
	install -D -m 0644 -t $(DESTDIR)$(DKMS_SRC)/include/uapi/linux include/uapi/linux/fw443.h

checkpatch: $(LINUX_SRC)/.done
	$(CHECKPATCH) --no-tree --quiet --show-types -f $(KMOD_SOURCES) include/uapi/linux/fw443.h

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C userspace clean
	$(MAKE) -C tests/unit clean
	$(MAKE) -C tests/fuzz clean
	$(MAKE) -C tests/bench clean
	rm -rf $(BUILD)
