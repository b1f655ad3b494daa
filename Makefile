# mimeo - YAML problem sets to printable PDF worksheets and keys.
#   make run    build ./mimeo and render the whole problems/ library into out/,
#               with out/index.html to browse and print it
#   make test   build and run every test; the last line is "N passed, N failed"
#   make bench  time mimeo against pdflatex (exam class) and bare libharu
# Both install the Debian packages they need first (see `deps`).

CC      ?= cc
PKGS     = yaml-0.1 cairo fontconfig freetype2 libpng zlib libjpeg harfbuzz-subset
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Wall -Wextra -Wshadow -Wstrict-prototypes
CPPFLAGS += $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += -lhpdf $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lunistring -lm

# Every Debian package the build, `make run` and the tests use.
DEB_PKGS = gcc make pkg-config libhpdf-dev libyaml-dev libcairo2-dev \
           libfontconfig-dev libfreetype-dev libpng-dev libjpeg-dev libharfbuzz-dev \
           libunistring-dev fonts-noto-core pango1.0-tools \
           fonts-sil-andika fonts-wqy-zenhei \
           fonts-dejavu-core poppler-utils qpdf valgrind ghostscript \
           libxml2-utils chromium

SRCS = gen/main.c gen/diag.c gen/util.c gen/node.c gen/schema.c \
       gen/set.c gen/leak.c gen/discussion.c gen/template.c gen/text.c gen/expr.c \
       gen/vary.c gen/compose.c gen/compose_discussion.c gen/compose_packet.c \
       gen/font.c gen/layout.c gen/layout_problem.c gen/layout_discussion.c \
       gen/layout_packet.c gen/layout_table.c gen/layout_grid.c \
       gen/figure.c gen/layout_figure.c gen/page.c gen/render_pdf.c \
       gen/output.c gen/render_cairo.c gen/image.c gen/amath.c \
       gen/build.c gen/build_packet.c gen/stress.c gen/roster.c gen/libpath.c \
       gen/packet.c gen/list.c gen/subset.c gen/render_tree.c \
       gen/index.c gen/ptable.c gen/compose_strips.c gen/layout_strip.c \
       gen/compose_tally.c gen/script.c
OBJS = $(SRCS:.c=.o)
LIB_OBJS = $(filter-out gen/main.o,$(OBJS))
HDRS = $(wildcard gen/*.h)

# The library, less the files that need a feature not in this build yet
# (tests/library-pending.txt says which, and why).
PENDING  = $(shell grep '^problems/' tests/library-pending.txt 2>/dev/null)
PROBLEMS = $(filter-out $(PENDING),$(shell find problems -name '*.yaml' | sort))

.PHONY: all run test deps bench-deps bench check-asan check-valgrind fuzz clean

all: mimeo

# What `make bench` needs on top (kept out of DEB_PKGS so `make test`
# stays light): the LaTeX exam class to compare with, and the timers.
BENCH_PKGS = texlive-latex-extra lmodern hyperfine time

# Install what is missing when we may (root, or sudo without a password);
# otherwise print the one line to run and stop.
deps bench-deps:
	@missing=""; for p in $(if $(filter bench-deps,$@),$(BENCH_PKGS),$(DEB_PKGS)); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif sudo -n true 2>/dev/null; then SUDO="sudo"; \
	  else echo "mimeo needs these Debian packages; run:"; \
	       echo "  sudo apt-get install -y$$missing"; exit 1; fi; \
	  echo "installing:$$missing"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
	    || { echo "apt-get install failed"; exit 1; }; \
	fi

gen/%.o: gen/%.c $(HDRS)
	$(CC) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

mimeo: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(LDLIBS)

# Each file's documents go to the same folders under out/ as it has under
# problems/ (problems/math/grade5/x.yaml -> out/math/grade5/x.pdf, ...);
# every file is tried, and the run fails at the end if any did.
run: deps
	@$(MAKE) -s mimeo
	@st=0; for f in $(PROBLEMS); do \
	  rel=$${f#problems/}; d=$${rel%/*}; [ "$$d" = "$$rel" ] && d=.; \
	  ./mimeo -o "out/$$d/" "$$f" || st=1; \
	done; ./mimeo index problems -o out/ || st=1; exit $$st

UNIT_SRCS = tests/unit.c tests/unit_vars.c tests/unit_reuse.c \
            tests/unit_figures.c

tests/unit: $(UNIT_SRCS) tests/unit.h $(LIB_OBJS) $(HDRS)
	$(CC) $(CFLAGS) $(CPPFLAGS) -Igen -o $@ $(UNIT_SRCS) $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

test: deps
	@$(MAKE) -s mimeo tests/unit
	@bash tests/run.sh

# mimeo against one pdflatex pass of the same worksheet in the exam class
# and against bench/floor.c (libharu alone); writes out/bench.md.
bench/floor: bench/floor.c gen/subset.o gen/util.o
	$(CC) $(CFLAGS) $(CPPFLAGS) -Igen -o $@ bench/floor.c gen/subset.o \
	  gen/util.o $(LDFLAGS) $(LDLIBS)

bench/pair: bench/pair.c
	$(CC) $(CFLAGS) -o $@ bench/pair.c

bench: deps bench-deps
	@$(MAKE) -s mimeo bench/floor bench/pair
	@bash bench/run.sh

# The whole suite again under AddressSanitizer and UBSan, built in
# build-asan/ so the normal objects are untouched.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
ASAN_OBJS  = $(SRCS:gen/%.c=build-asan/%.o)

build-asan/%.o: gen/%.c $(HDRS)
	@mkdir -p build-asan
	$(CC) $(CFLAGS) $(ASAN_FLAGS) $(CPPFLAGS) -c -o $@ $<

build-asan/mimeo: $(ASAN_OBJS)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LDFLAGS) $(LDLIBS)

build-asan/unit: $(UNIT_SRCS) $(filter-out build-asan/main.o,$(ASAN_OBJS))
	$(CC) $(CFLAGS) $(ASAN_FLAGS) $(CPPFLAGS) -Igen -o $@ $^ $(LDFLAGS) $(LDLIBS)

check-asan: deps
	@$(MAKE) -s build-asan/mimeo build-asan/unit
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  MIMEO=build-asan/mimeo UNIT=build-asan/unit bash tests/run.sh

# The whole suite with every mimeo run under valgrind (slow: minutes).
check-valgrind: deps
	@$(MAKE) -s mimeo tests/unit
	@MIMEO=tests/vg.sh bash tests/run.sh

# libFuzzer harnesses (tests/fuzz/README.md), built with clang in
# build-fuzz/ under ASan and UBSan, each run FUZZ_SECONDS on a corpus
# seeded from the test files.  A crash stops the run with its input in
# build-fuzz/; file it in tests/fuzz/regress/HARNESS/.
# (math and expr harnesses: add them here when those stages land)
FUZZ_HARNESSES = set roster template amath expr pdf
FUZZ_SECONDS   = 60
FUZZ_CC        = clang
FUZZ_FLAGS     = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
                 -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_OBJS      = $(LIB_OBJS:gen/%.o=build-fuzz/%.o)

build-fuzz/%.o: gen/%.c $(HDRS)
	@mkdir -p build-fuzz
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) $(CPPFLAGS) -c -o $@ $<

build-fuzz/fuzz-%: tests/fuzz/%.c tests/fuzz/fuzz_util.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer $(CPPFLAGS) -Igen \
	  -o $@ tests/fuzz/$*.c tests/fuzz/fuzz_util.c $(FUZZ_OBJS) $(LDFLAGS) $(LDLIBS)

# Then the readers of files again in the long-input mode (tests/fuzz/fuzz.h:
# each input's last line repeated to FUZZ_LONG bytes, one line), where work
# that grows with the square of a line shows as a timeout.
FUZZ_LONG_HARNESSES = set roster template
FUZZ_LONG           = 1048576
FUZZ_LONG_SECONDS   = 20

fuzz: deps
	@$(MAKE) -s $(FUZZ_HARNESSES:%=build-fuzz/fuzz-%)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh $(FUZZ_HARNESSES)
	@FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) FUZZ_LONG=$(FUZZ_LONG) \
	  bash tests/fuzz/run.sh $(FUZZ_LONG_HARNESSES)

clean:
	rm -f mimeo gen/*.o tests/unit bench/floor bench/pair
	rm -rf build-asan build-fuzz tests/tmp
	find out -mindepth 1 ! -name .gitkeep -delete
