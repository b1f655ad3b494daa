/*
 * build_file.c - one file of the command line: loaded, told to be a set or
 * a packet, and handed to build_set() (build.c) or build_packet()
 * (build_packet.c), which uses build.c for the sets it includes.  The
 * calls thus go one way: build_file -> build_packet -> build.
 */
#include "build.h"
#include "diag.h"
#include "packet.h"
#include "set.h"
#include "settings.h"
#include "vary.h"

void
build_file(const struct opts *o, const char *file, int many)
{
	struct packet *pk;
	struct set *s;
	struct mark m = { NULL, 0, 0 };
	int draft;

	if (library_load(file, &pk, &s, &draft) < 0) {
		/* a set with mistakes: its other problems are drawn all
		 * the same, so that a draw that cannot meet its "where" is
		 * said in this run too, not after the rest is mended */
		if (s != NULL) {
			struct settings_from from = { o, s, NULL, NULL, NULL };
			struct settings st;

			settings_resolve(&st, &from);
			instance_free(vary(s, st.seed, 0, NULL, "."));
		}
		set_free(s);
		return;
	}
	m.file = diag_file(file);
	if (pk != NULL && (o->cmd == CMD_WORKSHEET || o->cmd == CMD_KEY ||
	    o->cmd == CMD_TALLY))
		diag_error(&m, "this is a substitute packet, not a problem "
		    "set; write it with mimeo packet %s (or mimeo %s)", file,
		    file);
	else if (s != NULL && o->cmd == CMD_PACKET)
		diag_error(&m, "this is a problem set, not a packet (a packet "
		    "starts with \"packet:\"); write it with mimeo %s", file);
	else if (pk != NULL)
		build_packet(o, file, pk, many);
	else {
		build_set(o, file, s, many);
		s = NULL;
	}
	packet_free(pk);
	set_free(s);
	settings_forget();	/* the templates this file's documents read */
}
