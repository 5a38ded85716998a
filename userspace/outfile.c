// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "outfile.h"

/* Readable by the collector, whichever user it runs as. */
#define OUTFILE_MODE 0644
/* mkstemp()'s; in the same directory, as rename() stays in a filesystem. */
#define OUTFILE_SUFFIX ".XXXXXX"

static void outfile_report(const struct fw443_outfile *o, const char *step,
			   int error)
{
	fprintf(stderr, "%s: %s: %s: %s: %s\n", PROG_NAME, o->what, o->path,
		step, strerror(error));
}

int fw443_outfile_open(struct fw443_outfile *o, const char *what,
		       const char *path)
{
	size_t size = strlen(path) + sizeof(OUTFILE_SUFFIX);
	int fd;

	o->what = what;
	o->path = path;
	o->f = NULL;
	o->tmp = malloc(size);
	if (!o->tmp) {
		outfile_report(o, "cannot name a temporary file", errno);
		return -1;
	}
	snprintf(o->tmp, size, "%s" OUTFILE_SUFFIX, path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		outfile_report(o, "cannot create a temporary file beside it",
			       errno);
		free(o->tmp);
		return -1;
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		outfile_report(o, "cannot open the temporary file", errno);
		close(fd);
		fw443_outfile_abort(o);
		return -1;
	}
	return 0;
}

void fw443_outfile_abort(struct fw443_outfile *o)
{
	if (o->f)
		fclose(o->f);
	unlink(o->tmp);
	free(o->tmp);
}

/* Each step of the commit: what it does, for the message when it fails. */
static const char *outfile_finish(struct fw443_outfile *o)
{
	int fd = fileno(o->f);

	if (fflush(o->f) == EOF || ferror(o->f))
		return "cannot write";
	if (fsync(fd))
		return "cannot sync";
	if (fchmod(fd, OUTFILE_MODE))
		return "cannot make it 0644";
	if (fclose(o->f)) {
		o->f = NULL;
		return "cannot write";
	}
	o->f = NULL;
	if (rename(o->tmp, o->path))
		return "cannot rename the temporary file over it";
	return NULL;
}

int fw443_outfile_commit(struct fw443_outfile *o)
{
	const char *failed = outfile_finish(o);
	int error = errno;

	if (failed) {
		outfile_report(o, failed, error);
		fw443_outfile_abort(o);
		return -1;
	}
	free(o->tmp);
	return 0;
}
