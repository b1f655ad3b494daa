#!/bin/bash
# tests/stages.sh - the pipeline in the tree (issue 22): every file of gen/
# belongs to one stage, and no stage includes the header of a later one.
#
#   load -> vary -> compose -> layout -> render -> driver
#
# The table below names each file's stage by its file name, so the check
# works on a flat gen/ and on gen/STAGE/ folders alike; in a folder named
# after a stage, a file must be the one its table line says.  A file not
# in the table fails the check: add it where it belongs.  (A name may be
# listed before its file lands from another branch.)
#   bash tests/stages.sh          prints the table's check; exit 1 on a tie
#   make stages                   the same
# Sourced by tests/run.sh (ok/bad defined) it counts one test per file.
stages_table() {
	cat <<'EOF'
load	util.c util.h diag.c diag.h inputs.c inputs.h node.c node.h field.h
load	schema.c schema.h keys.h keyschema.c keyschema.h datadir.h
load	set.c set.h expr.c expr.h figure.c figure.h ptable.c ptable.h
load	discussion.c discussion.h image.c image.h libpath.c libpath.h
load	template.c template.h packet.c packet.h roster.c roster.h
load	leak.c leak.h script.c script.h node_int.h yaml_explain.c paper.c paper.h
vary	vary.c vary.h
compose	compose.c compose.h compose_discussion.c compose_discussion.h
compose	compose_packet.c compose_strips.c compose_tally.c footer.c footer.h
compose	text.c text.h amath_parse.c amath.h
layout	layout.c layout.h layout_int.h layout_discussion.c layout_figure.c
layout	layout_grid.c layout_packet.c layout_problem.c layout_strip.c
layout	layout_table.c font.c font.h page.c page.h amath_layout.c
layout	amath_layout.h contact.c contact.h layout_metrics.h
render	render.c render.h render_pdf.c render_cairo.c render_tree.c
render	subset.c subset.h output.c output.h glyphcodes.c glyphcodes.h
render	pdf_stream.c pdf_stream.h hpdf_mem.c
driver	main.c build.c build.h build_file.c build_packet.c stress.c
driver	index.c index.h list.c list.h settings.c settings.h
EOF
}

stages_order() {	# stage -> its place in the pipeline (0: not a stage)
	case $1 in
	load) echo 1 ;; vary) echo 2 ;; compose) echo 3 ;; layout) echo 4 ;;
	render) echo 5 ;; driver) echo 6 ;; *) echo 0 ;;
	esac
}

# Prints one line per problem found under gen/ (in the folder $1) and
# nothing when the tree is clean.
stages_problems() {
	local gen=$1 f base stage dir inc istage
	declare -A of
	while read -r stage files; do
		for f in $files; do of[$f]=$stage; done
	done < <(stages_table)
	declare -A path_of
	for f in $(find "$gen" -name '*.[ch]'); do path_of[${f##*/}]=$f; done
	for f in $(find "$gen" -name '*.[ch]' | sort); do
		base=${f##*/}
		stage=${of[$base]:-}
		if [ -z "$stage" ]; then
			echo "$f: not in the stage table of tests/stages.sh"
			continue
		fi
		dir=${f%/*}; dir=${dir##*/}
		if [ "$(stages_order "$dir")" != 0 ] && [ "$dir" != "$stage" ]; then
			echo "$f: in $dir/, but the table puts it in $stage"
		fi
		while read -r inc; do
			inc=${inc##*/}
			istage=${of[$inc]:-}
			if [ -z "$istage" ]; then
				echo "$f: includes $inc, which is not in the table"
			elif [ "$(stages_order "$istage")" -gt "$(stages_order "$stage")" ]; then
				echo "$f ($stage) includes $inc ($istage), a later stage"
			fi
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
		[ "$stage" = layout ] && stages_blind "$gen" "$f"
	done
}

# Layout draws compose's blocks and does not see the instance (issue 22):
# no include chain of the layout file $2 (in the folder $1) may reach the
# loader's set.h or vary's vary.h.
stages_blind() {
	local f=$2 h p
	local -A seen=()
	local todo=("$f")
	while [ ${#todo[@]} -gt 0 ]; do
		p=${todo[0]}; todo=("${todo[@]:1}")
		while read -r h; do
			h=${h##*/}
			[ -n "${seen[$h]:-}" ] && continue
			seen[$h]=1
			case $h in set.h|vary.h)
				echo "$f (layout) reaches $h through its includes: layout reads compose's blocks, not the instance"
				continue ;;
			esac
			h=${path_of[$h]:-}	# stages_problems' map
			[ -n "$h" ] && todo+=("$h")
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$p")
	done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	cd "$(dirname "$0")/.." || exit 2
	problems=$(stages_problems gen)
	if [ -n "$problems" ]; then
		echo "$problems"
		echo "stages: $(wc -l <<<"$problems") wrong-way ties or unplaced files"
		exit 1
	fi
	for s in load vary compose layout render driver; do
		stages_table | awk -v s="$s" '$1 == s { $1 = ""; printf "%s", $0 }' |
		    tr ' ' '\n' | grep -Fxf <(find gen -name '*.[ch]' | sed 's|.*/||') |
		    awk -v s="$s" '
			{ if (n && length(line) + length($0) > 68) {
				print line; line = sprintf("%-8s", ""); n = 0 }
			  if (!n && line == "") line = sprintf("%-8s", s)
			  line = line " " $0; n++ }
			END { print line }'
	done
	echo "stages: $(find gen -name '*.[ch]' | wc -l) files, no stage includes a later one"
else
	# sourced by tests/run.sh: one test, failing with each problem
	stages_out=$(stages_problems gen)
	if [ -z "$stages_out" ]; then
		ok
	else
		bad "stages: a file includes a later stage's header, or is not in tests/stages.sh's table:"
		echo "$stages_out" | head -10
	fi
	# the check must catch a tie: a header of a later stage included
	# from load, in a copy
	rm -rf "$T/stages" && mkdir -p "$T/stages/gen"
	cp gen/*.[ch] "$T/stages/gen/" 2>/dev/null
	for d in gen/*/; do [ -d "$d" ] && cp "$d"*.[ch] "$T/stages/gen/"; done
	printf '#include "render.h"\n' >>"$T/stages/gen/node.c"
	stages_out=$(stages_problems "$T/stages/gen")
	grep -q 'node.c (load) includes render.h (render), a later stage' <<<"$stages_out" && ok ||
		bad "stages: a load file including render.h is not caught: $stages_out"
	# and a layout file that reaches the instance through compose.h
	printf '#include "vary.h"\n' >>"$T/stages/gen/compose.h"
	stages_out=$(stages_problems "$T/stages/gen")
	grep -q 'layout.c (layout) reaches vary.h through its includes' <<<"$stages_out" && ok ||
		bad "stages: layout reaching vary.h through compose.h is not caught: $stages_out"
fi
