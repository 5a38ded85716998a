// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "spool.h"

static int spool_open(struct fw443_spool *sp, const char *what, bool json)
{
	sp->json = json;
	sp->out.started = false;
	sp->out.f = tmpfile();
	if (sp->out.f)
		return 0;
	fprintf(stderr, "%s: %s: temporary file: %s\n", PROG_NAME, what,
		strerror(errno));
	return -1;
}

int fw443_spool_restart(void *data)
{
	struct fw443_spool *sp = data;

	sp->out.started = false;
	rewind(sp->out.f);
	return ftruncate(fileno(sp->out.f), 0);
}

static int spool_copy(FILE *from, FILE *to)
{
	char buf[BUFSIZ];
	size_t n;

	rewind(from);
	while ((n = fread(buf, 1, sizeof(buf), from)) > 0) {
		if (fwrite(buf, 1, n, to) != n)
			return -1;
	}
	return ferror(from) ? -1 : 0;
}

int fw443_spool_output(struct fw443_spool *sp, const char *what,
		       const char *before, const char *after)
{
	if (fflush(sp->out.f) == EOF ||
	    (before && fputs(before, stdout) == EOF) ||
	    spool_copy(sp->out.f, stdout) ||
	    (after && fputs(after, stdout) == EOF)) {
		fprintf(stderr, "%s: %s: cannot write the output: %s\n",
			PROG_NAME, what, strerror(errno));
		return FW443_EXIT_FAILURE;
	}
	return FW443_EXIT_OK;
}

int fw443_spool_run(const char *what, bool json, fw443_spool_fn fn,
		    const void *data)
{
	struct fw443_spool sp;
	struct fw443_nl *nl;
	int ret = FW443_EXIT_FAILURE;

	if (spool_open(&sp, what, json))
		return ret;
	nl = fw443_nl_open(what);
	if (nl) {
		ret = fn(nl, &sp, data);
		fw443_nl_close(nl);
	}
	fclose(sp.out.f);
	return ret;
}
