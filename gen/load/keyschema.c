/*
 * keyschema.c - the JSON Schema (draft-07) of problem sets and packets,
 * written by `mimeo --schema` from the loaders' own key tables (keys.h),
 * so that an editor (VS Code's YAML extension) completes and checks the
 * keys a teacher types exactly as mimeo does.  The shipped
 * mimeo.schema.json is this output; a test fails when they differ.
 *
 * What the schema knows: which keys each mapping may have (any other is an
 * error, as in the loader), which must be there, where mappings and lists
 * of mappings nest, the problem types with the keys of each, and the
 * words of `type:` and `as:` (in any case, as the loader reads them).
 * Values are otherwise left to mimeo check: their ranges, lengths and
 * texts need the loader's own reading.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "keyschema.h"
#include "packet.h"
#include "set.h"

enum ks_how {
	KS_ROOT,		/* a kind of file */
	KS_ONE,			/* the parent's key holds one mapping */
	KS_LIST,		/* a list of them, not empty */
	KS_ONE_OR_LIST		/* one, or a list of them (fraction:) */
};

/*
 * Every mapping of the formats and where it is written.  Register a new
 * table with one line: the mapping that holds it and its key there, how,
 * whether a plain text may stand for it (image: PATH), the name of its
 * definition, the loader's table and its required keys.  A mapping
 * written in several places has a line for each (same name and table).
 */
static const struct ks_object {
	const char		*parent, *key;
	enum ks_how		 how;
	int			 text_ok;
	const char		*name;
	const char *const	*keys;
	const char		*required;	/* space-separated */
} ks_objects[] = {
	{ NULL, NULL, KS_ROOT, 0, "set", set_keys, "title" },
	{ "set", "sections", KS_LIST, 0, "section", section_keys, "problems" },
	{ "set", "problems", KS_LIST, 0, "problem", common_keys, "type prompt" },
	{ "section", "problems", KS_LIST, 0, "problem", common_keys, "type prompt" },
	{ "problem", "image", KS_ONE, 1, "image", image_keys, "file" },
	{ "problem", "parts", KS_LIST, 0, "problem", common_keys, "type prompt" },
	{ "problem", "table", KS_ONE, 0, "table", ptable_keys, "rows" },
	{ "section", "table", KS_ONE, 0, "table", ptable_keys, "rows" },
	{ "set", "discussion", KS_ONE, 0, "discussion", disc_keys, "problem" },
	{ "discussion", "phases", KS_LIST, 0, "phase", phase_keys, "name minutes" },
	{ "discussion", "anticipate", KS_LIST, 0, "approach", approach_keys, "approach" },
	{ "discussion", "roles", KS_LIST, 1, "role", role_keys, "name" },
	{ "discussion", "table", KS_ONE, 0, "table", ptable_keys, "rows" },
	{ "discussion", "exit_ticket", KS_ONE, 1, "exit_ticket", exit_keys, "prompt" },
	{ NULL, NULL, KS_ROOT, 0, "packet", packet_keys, "packet plan" },
	{ "packet", "plan", KS_LIST, 0, "step", step_keys, "minutes do" },
	{ "packet", "include", KS_LIST, 0, "include", include_keys, "file as" },
	{ "packet", "early_finishers", KS_ONE, 1, "early_finishers", early_keys, "task" },
	/* figures: a mapping of one kind (figure.c checks it has one) */
	{ "problem", "figure", KS_ONE, 0, "figure", fig_kind_names, "" },
	{ "problem", "figures", KS_LIST, 0, "figure", fig_kind_names, "" },
	{ "section", "figure", KS_ONE, 0, "figure", fig_kind_names, "" },
	{ "section", "figures", KS_LIST, 0, "figure", fig_kind_names, "" },
	{ "discussion", "figure", KS_ONE, 0, "figure", fig_kind_names, "" },
	{ "discussion", "figures", KS_LIST, 0, "figure", fig_kind_names, "" },
	{ "figure", "numberline", KS_ONE, 0, "numberline", nl_keys, "from to" },
	{ "numberline", "key", KS_ONE, 0, "numberline_key", nl_key_adds, "" },
	{ "figure", "plane", KS_ONE, 0, "plane", pl_keys, "x y" },
	{ "plane", "key", KS_ONE, 0, "plane_key", pl_key_adds, "" },
	{ "figure", "fraction", KS_ONE_OR_LIST, 0, "fraction", fr_keys, "" },
	{ "fraction", "key", KS_ONE, 0, "fraction_key", fr_key_adds, "" },
	{ "figure", "tape", KS_ONE, 0, "tape", tp_keys, "rows" },
	{ "tape", "key", KS_ONE, 0, "tape_key", tp_key_adds, "" },
	{ "figure", "array", KS_ONE, 0, "array", ar_keys, "rows columns" },
	{ "array", "key", KS_ONE, 0, "array_key", ar_key_adds, "" },
	{ "figure", "clock", KS_ONE, 0, "clock", ck_keys, "" },
	{ "clock", "key", KS_ONE, 0, "clock_key", ck_key_adds, "" },
	{ "figure", "shape", KS_ONE, 0, "shape", sh_keys, "" },
	{ "shape", "key", KS_ONE, 0, "shape_key", sh_key_adds, "" },
	{ "figure", "bars", KS_ONE, 0, "bars", bars_keys, "categories values" },
	{ "bars", "key", KS_ONE, 0, "bars_key", gr_key_adds, "" },
	{ "figure", "dots", KS_ONE, 0, "dots", dots_keys, "from to" },
	{ "dots", "key", KS_ONE, 0, "dots_key", gr_key_adds, "" },
	{ "figure", "column", KS_ONE, 0, "column", co_keys, "op" },
};
#define KS_NOBJECTS	(sizeof(ks_objects) / sizeof(ks_objects[0]))

/* Keys whose value is one of some words, in any case. */
static const struct {
	const char		*object, *key;
	const char *const	*words;
} ks_words[] = {
	{ "problem", "type", ptype_names },
	{ "include", "as", inc_as_names },
	{ "table", "orientation", ptable_orientations },
	{ "phase", "step", phase_step_words },
};

/* The mapping whose keys depend on one of its keys' word: a problem's
 * type (common_keys, then type_keys[type]). */
static const struct {
	const char		*object, *key;
	const char *const	*words;
	const char *const	(*keys)[KEYS_PER_TYPE];
} ks_variants[] = {
	{ "problem", "type", ptype_names, type_keys },
};

/* ["a", "b", ...] */
static void
ks_list(FILE *f, const char *const *words)
{
	size_t i;

	fputc('[', f);
	for (i = 0; words[i] != NULL; i++)
		fprintf(f, "%s\"%s\"", i ? ", " : "", words[i]);
	fputc(']', f);
}

/* "a b" -> ["a", "b"] */
static void
ks_required(FILE *f, const char *req)
{
	const char *end;
	int n = 0;

	fputc('[', f);
	for (; *req != '\0'; req = *end ? end + 1 : end) {
		end = strchr(req, ' ');
		if (end == NULL)
			end = req + strlen(req);
		fprintf(f, "%s\"%.*s\"", n++ ? ", " : "", (int)(end - req),
		    req);
	}
	fputc(']', f);
}

/* A pattern matching the words in any case: ^(?:[cC][hH]...|...)$ */
static void
ks_anycase(FILE *f, const char *const *words)
{
	const char *c;
	size_t i;

	fputs("\"^(?:", f);
	for (i = 0; words[i] != NULL; i++) {
		if (i > 0)
			fputc('|', f);
		for (c = words[i]; *c != '\0'; c++)
			if (isalpha((unsigned char)*c))
				fprintf(f, "[%c%c]", tolower((unsigned char)*c),
				    toupper((unsigned char)*c));
			else
				fputc(*c, f);
	}
	fputs(")$\"", f);
}

/* The schema of the value of key in the mapping named object. */
static void
ks_value(FILE *f, const char *object, const char *key)
{
	const struct ks_object *o;
	size_t i;

	for (i = 0; i < sizeof(ks_words) / sizeof(ks_words[0]); i++)
		if (strcmp(ks_words[i].object, object) == 0 &&
		    strcmp(ks_words[i].key, key) == 0) {
			fputs("{\"anyOf\": [{\"enum\": ", f);
			ks_list(f, ks_words[i].words);
			fputs("}, {\"type\": \"string\", \"pattern\": ", f);
			ks_anycase(f, ks_words[i].words);
			fputs("}]}", f);
			return;
		}
	for (o = ks_objects; o < ks_objects + KS_NOBJECTS; o++) {
		if (o->parent == NULL || strcmp(o->parent, object) != 0 ||
		    strcmp(o->key, key) != 0)
			continue;
		if (o->how == KS_ONE_OR_LIST)
			fprintf(f, "{\"anyOf\": [{\"$ref\": \"#/definitions/"
			    "%s\"}, {\"type\": \"array\", \"minItems\": 1, "
			    "\"items\": ", o->name);
		if (o->how == KS_LIST)
			fputs("{\"type\": \"array\", \"minItems\": 1, "
			    "\"items\": ", f);
		if (o->text_ok)
			fprintf(f, "{\"anyOf\": [{\"type\": [\"string\", "
			    "\"number\", \"boolean\"]}, {\"$ref\": "
			    "\"#/definitions/%s\"}]}", o->name);
		else
			fprintf(f, "{\"$ref\": \"#/definitions/%s\"}", o->name);
		if (o->how == KS_LIST)
			fputc('}', f);
		if (o->how == KS_ONE_OR_LIST)
			fputs("}]}", f);
		return;
	}
	fputs("{}", f);
}

/* {"propertyNames": ...}: the keys a mapping of one variant may have,
 * every common key, then the variant's own. */
static void
ks_variant_then(FILE *f, const char *const *common,
    const char *const *own)
{
	size_t i, j, n = 0;

	fputs("{\"propertyNames\": {\"enum\": [", f);
	for (i = 0; common[i] != NULL; i++)
		fprintf(f, "%s\"%s\"", n++ ? ", " : "", common[i]);
	for (i = 0; own[i] != NULL; i++) {
		for (j = 0; common[j] != NULL; j++)
			if (strcmp(common[j], own[i]) == 0)
				break;
		if (common[j] == NULL)
			fprintf(f, "%s\"%s\"", n++ ? ", " : "", own[i]);
	}
	fputs("]}}", f);
}

/* 1 when key is among the first n keys of table (up to its NULL). */
static int
ks_in(const char *key, const char *const *table, size_t n)
{
	size_t i;

	for (i = 0; i < n && table[i] != NULL; i++)
		if (strcmp(table[i], key) == 0)
			return 1;
	return 0;
}

/* "name": {"type": "object", ...} for o (its first line only). */
static void
ks_object(FILE *f, const struct ks_object *o)
{
	size_t i, v, t, k;
	int first = 1;

	fprintf(f, "    \"%s\": {\n      \"type\": \"object\",\n", o->name);
	fputs("      \"required\": ", f);
	ks_required(f, o->required);
	fputs(",\n      \"additionalProperties\": false,\n"
	    "      \"properties\": {", f);
	for (i = 0; o->keys[i] != NULL; i++) {
		fprintf(f, "%s\n        \"%s\": ", first ? "" : ",", o->keys[i]);
		ks_value(f, o->name, o->keys[i]);
		first = 0;
	}
	/* the keys of the variants, each once */
	for (v = 0; v < sizeof(ks_variants) / sizeof(ks_variants[0]); v++) {
		if (strcmp(ks_variants[v].object, o->name) != 0)
			continue;
		for (t = 0; ks_variants[v].words[t] != NULL; t++)
			for (k = 0; ks_variants[v].keys[t][k] != NULL; k++) {
				const char *key = ks_variants[v].keys[t][k];
				int seen = ks_in(key, o->keys, (size_t)-1) ||
				    ks_in(key, ks_variants[v].keys[t], k);
				size_t u;

				for (u = 0; u < t && !seen; u++)
					seen = ks_in(key, ks_variants[v].keys[u],
					    (size_t)-1);
				if (seen)
					continue;
				fprintf(f, ",\n        \"%s\": ", key);
				ks_value(f, o->name, key);
			}
	}
	fputs("\n      }", f);
	for (v = 0; v < sizeof(ks_variants) / sizeof(ks_variants[0]); v++) {
		if (strcmp(ks_variants[v].object, o->name) != 0)
			continue;
		fputs(",\n      \"allOf\": [", f);
		for (t = 0; ks_variants[v].words[t] != NULL; t++) {
			const char *const one[] = { ks_variants[v].words[t],
			    NULL };

			fprintf(f, "%s\n        {\"if\": {\"required\": "
			    "[\"%s\"], \"properties\": {\"%s\": {\"pattern\": ",
			    t ? "," : "", ks_variants[v].key,
			    ks_variants[v].key);
			ks_anycase(f, one);
			fputs("}}},\n         \"then\": ", f);
			ks_variant_then(f, o->keys, ks_variants[v].keys[t]);
			fputc('}', f);
		}
		fputs("\n      ]", f);
	}
	fputs("\n    }", f);
}

void
keyschema_write(FILE *f)
{
	const struct ks_object *o, *p;
	int first = 1;

	fputs("{\n"
	    "  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"
	    "  \"title\": \"mimeo problem set or substitute packet\",\n"
	    "  \"description\": \"Written by mimeo --schema from the key "
	    "tables mimeo's loader checks; do not edit. A file with a "
	    "packet: key is a packet, any other a problem set.\",\n"
	    "  \"if\": {\"type\": \"object\", \"required\": [\"packet\"]},\n"
	    "  \"then\": {\"$ref\": \"#/definitions/packet\"},\n"
	    "  \"else\": {\"$ref\": \"#/definitions/set\"},\n"
	    "  \"definitions\": {\n", f);
	for (o = ks_objects; o < ks_objects + KS_NOBJECTS; o++) {
		for (p = ks_objects; p < o; p++)
			if (strcmp(p->name, o->name) == 0)
				break;
		if (p < o)
			continue;	/* written at its first line */
		if (!first)
			fputs(",\n", f);
		ks_object(f, o);
		first = 0;
	}
	fputs("\n  }\n}\n", f);
}
