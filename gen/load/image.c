/*
 * image.c - read, check and decode PNG and JPEG pictures; see image.h.
 *
 * Both decoders report errors by longjmp.  Everything a decode allocates
 * hangs off a heap struct made before setjmp(), so nothing the jump
 * skips over is lost or indeterminate.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

#include "image.h"
#include "util.h"

/* What a decode owns while libpng or libjpeg may jump out of it. */
struct img_job {
	const struct image *img;
	struct pixels	*px;
	unsigned char	*buf;		/* interleaved samples as decoded */
	unsigned char  **rows;
	size_t		 off;		/* PNG: bytes read so far */
	int		 orient;	/* EXIF orientation of the stored
					 * pixels: the image's, or for a PNG
					 * its eXIf chunk's */
	char		*why;
	size_t		 whylen;
	jmp_buf		 jb;		/* JPEG */
	struct jpeg_error_mgr jerr;	/* JPEG */
};

static const char img_cut_short[] = "is cut short: the file ends before "
    "the picture does; copy or save it again";

/* Checks the size read from the file's header.  Returns 0 or -1 with
 * job->why set. */
static int
img_check_size(struct img_job *job, unsigned long w, unsigned long h)
{
	if (w == 0 || h == 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE) {
		snprintf(job->why, job->whylen, "is %lux%lu pixels; mimeo "
		    "takes pictures up to %d pixels a side: make it smaller "
		    "(1500 pixels across prints sharp across a whole page)",
		    w, h, IMAGE_MAX_SIDE);
		return -1;
	}
	return 0;
}

/* Checks the bytes of samples a decoder makes of the picture: raw as
 * stored (bits per sample) and as drawn (8 bits).  Returns 0 or -1 with
 * job->why set. */
static int
img_check_decoded(struct img_job *job, unsigned long w, unsigned long h,
    int channels, int bits)
{
	double raw = (double)w * h * channels * (bits > 8 ? bits / 8 : 1);

	if (raw <= IMAGE_MAX_DECODED)
		return 0;
	snprintf(job->why, job->whylen, "is %lux%lu pixels of %d-bit %s, "
	    "%.0f MB once decoded; mimeo decodes pictures of up to %ld MB "
	    "(a 6000x6000 colour photo): save it %s%ssmaller (1500 pixels "
	    "across prints sharp across a whole page)", w, h, bits,
	    channels >= 3 ? (channels == 4 ? "colour with transparency" :
	    "colour") : channels == 2 ? "gray with transparency" : "gray",
	    raw / 1e6, IMAGE_MAX_DECODED / 1000000, bits > 8 ? "with 8 bits "
	    "a sample, " : "", channels % 2 == 0 ? "without transparency, "
	    "or " : bits > 8 ? "or " : "");
	return -1;
}

/*
 * Moves the decoded samples (channels per pixel, alpha last when
 * has_alpha) of job->buf into job->px: color and alpha apart, and no
 * alpha at all when every pixel is opaque.
 */
static void
img_split(struct img_job *job, int channels, int has_alpha)
{
	struct pixels *px = job->px;
	size_t i, n = (size_t)px->w * (size_t)px->h;
	int c, opaque = 1;

	px->channels = has_alpha ? channels - 1 : channels;
	if (!has_alpha) {
		px->color = job->buf;
		job->buf = NULL;
		return;
	}
	/* the colour moved down within the buffer (it never overtakes
	 * what it reads), so the picture is held about once, not twice */
	px->alpha = xmalloc(n);
	for (i = 0; i < n; i++) {
		px->alpha[i] = job->buf[i * (size_t)channels +
		    (size_t)px->channels];
		for (c = 0; c < px->channels; c++)
			job->buf[i * (size_t)px->channels + (size_t)c] =
			    job->buf[i * (size_t)channels + (size_t)c];
		opaque &= px->alpha[i] == 255;
	}
	px->color = xrealloc(job->buf, n * (size_t)px->channels);
	job->buf = NULL;
	if (opaque) {
		free(px->alpha);
		px->alpha = NULL;
	}
}

/* A 16- or 32-bit number of a TIFF structure, in its byte order. */
static unsigned long
img_tiff_num(const unsigned char *p, int bytes, int little)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < bytes; i++)
		v |= (unsigned long)p[little ? i : bytes - 1 - i] << (8 * i);
	return v;
}

/*
 * The orientation in EXIF data t (n bytes, a TIFF structure: "II" or "MM",
 * 42, the offset of the first IFD), 1 (as stored) to 8: tag 0x0112 of
 * the first IFD.  1 when it has none, or when the data is broken or the
 * value out of range: a picture is better printed as stored than not.
 * Both a JPEG's APP1 segment and a PNG's eXIf chunk hold such data.
 */
static int
img_tiff_orientation(const unsigned char *t, size_t n)
{
	size_t ifd, e, k, count;
	int little;

	if (n < 8 || !(memcmp(t, "II", 2) == 0 || memcmp(t, "MM", 2) == 0))
		return 1;
	little = t[0] == 'I';
	ifd = img_tiff_num(t + 4, 4, little);
	if (ifd > n - 2)
		return 1;
	count = img_tiff_num(t + ifd, 2, little);
	for (k = 0; k < count; k++) {
		e = ifd + 2 + 12 * k;
		if (e + 12 > n)
			break;
		if (img_tiff_num(t + e, 2, little) == 0x0112) {
			k = img_tiff_num(t + e + 8, 2, little);
			return k >= 1 && k <= 8 ? (int)k : 1;
		}
	}
	return 1;
}

/* The EXIF orientation of a JPEG (see img_tiff_orientation()): that of
 * its APP1 "Exif" segment before the picture data, 1 when it has none. */
static int
img_jpeg_orientation(const unsigned char *d, size_t n)
{
	size_t i, seg;

	for (i = 2; i + 4 <= n && d[i] == 0xFF && d[i + 1] != 0xDA;
	    i += 2 + seg) {
		seg = (size_t)d[i + 2] << 8 | d[i + 3];
		if (d[i + 1] == 0xE1 && seg >= 16 && i + 2 + seg <= n &&
		    memcmp(d + i + 4, "Exif\0\0", 6) == 0)
			return img_tiff_orientation(d + i + 10, seg - 8);
	}
	return 1;
}

/* libpng's read callback: from the image's bytes. */
static void
img_png_read(png_structp png, png_bytep out, png_size_t n)
{
	struct img_job *job = png_get_io_ptr(png);

	if (n > job->img->len - job->off)
		png_error(png, img_cut_short);
	memcpy(out, job->img->data + job->off, n);
	job->off += n;
}

static void
img_png_error(png_structp png, png_const_charp msg)
{
	struct img_job *job = png_get_error_ptr(png);

	if (strcmp(msg, img_cut_short) == 0)
		snprintf(job->why, job->whylen, "%s", msg);
	else
		snprintf(job->why, job->whylen, "is damaged or not a PNG "
		    "mimeo can read (libpng: %s); open it in an image editor "
		    "and save it again", msg);
	png_longjmp(png, 1);
}

static void
img_png_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;	/* e.g. a bad sRGB profile: the pixels are fine */
}

/* The EXIF orientation of the PNG being read (see
 * img_tiff_orientation()): that of its eXIf chunk, 1 when it has none. */
static int
img_png_orientation(png_structp png, png_infop info)
{
	png_bytep exif;
	png_uint_32 n;

	if (!png_get_eXIf_1(png, info, &n, &exif))
		return 1;
	return img_tiff_orientation(exif, n);
}

/*
 * Reads the chunks after the pixels of the PNG being read, for an eXIf
 * chunk there (where ImageMagick writes it).  The pixels are all read by
 * now, so a file damaged past them still prints, as stored; libpng's
 * complaint is dropped.
 */
static void
img_png_read_end(png_structp png, png_infop info, struct img_job *job)
{
	/* from here on libpng jumps back here; after this the caller makes
	 * no call that can fail */
	if (setjmp(png_jmpbuf(png)) == 0)
		png_read_end(png, info);
	job->why[0] = '\0';
}

/* Decodes a PNG to 8-bit gray or RGB, with alpha apart, and finds its
 * orientation.  Returns 0 or -1 with job->why set. */
static int
img_png(struct img_job *job)
{
	png_structp png;
	png_infop info;
	png_uint_32 w, h, y;
	int channels;
	volatile int rc = -1;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, job,
	    img_png_error, img_png_warning);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(&png, NULL, NULL);
		snprintf(job->why, job->whylen, "cannot be decoded: out of "
		    "memory");
		return -1;
	}
	if (setjmp(png_jmpbuf(png)))
		goto out;
	png_set_read_fn(png, job, img_png_read);
	png_read_info(png, info);
	w = png_get_image_width(png, info);
	h = png_get_image_height(png, info);
	if (img_check_size(job, w, h) == -1 || img_check_decoded(job, w, h,
	    png_get_channels(png, info), png_get_bit_depth(png, info)) == -1)
		goto out;
	/* palette, gray below 8 bits and tRNS become 8-bit samples and
	 * alpha; 16 bits become 8; interlaced rows are put together */
	png_set_expand(png);
	png_set_strip_16(png);
	png_set_interlace_handling(png);
	png_read_update_info(png, info);
	channels = png_get_channels(png, info);
	if (img_check_decoded(job, w, h, channels, 8) == -1)
		goto out;
	job->px->w = (int)w;
	job->px->h = (int)h;
	job->buf = xmalloc((size_t)w * h * (size_t)channels);
	job->rows = xmalloc(h * sizeof(*job->rows));
	for (y = 0; y < h; y++)
		job->rows[y] = job->buf + (size_t)y * w * (size_t)channels;
	png_read_image(png, job->rows);
	img_split(job, channels, channels == 2 || channels == 4);
	/* an eXIf chunk before the pixels is read by now; one after them
	 * is read here */
	if (!png_get_valid(png, info, PNG_INFO_eXIf))
		img_png_read_end(png, info, job);
	job->orient = img_png_orientation(png, info);
	rc = 0;
out:
	png_destroy_read_struct(&png, &info, NULL);
	return rc;
}

static void
img_jpeg_error(j_common_ptr cinfo)
{
	struct img_job *job = (struct img_job *)cinfo->client_data;
	char msg[JMSG_LENGTH_MAX];

	cinfo->err->format_message(cinfo, msg);
	snprintf(job->why, job->whylen, "is damaged or not a JPEG mimeo can "
	    "read (libjpeg: %s); open it in an image editor and save it "
	    "again", msg);
	longjmp(job->jb, 1);
}

/* libjpeg's warnings: a file that ends early is decoded as gray; say so
 * rather than print a half-gray picture.  Other warnings (extra bytes
 * between markers, common in camera files) do no harm. */
static void
img_jpeg_message(j_common_ptr cinfo, int level)
{
	struct img_job *job = (struct img_job *)cinfo->client_data;

	if (level == -1 && cinfo->err->msg_code == JWRN_JPEG_EOF) {
		snprintf(job->why, job->whylen, "%s", img_cut_short);
		longjmp(job->jb, 1);
	}
}

/* Decodes a JPEG to 8-bit gray or RGB.  Returns 0 or -1 with job->why
 * set. */
static int
img_jpeg(struct img_job *job)
{
	struct jpeg_decompress_struct cinfo;
	JSAMPROW row;
	size_t stride;
	volatile int rc = -1;

	memset(&cinfo, 0, sizeof(cinfo));
	cinfo.err = jpeg_std_error(&job->jerr);
	job->jerr.error_exit = img_jpeg_error;
	job->jerr.emit_message = img_jpeg_message;
	cinfo.client_data = job;
	jpeg_create_decompress(&cinfo);
	if (setjmp(job->jb))
		goto out;
	jpeg_mem_src(&cinfo, job->img->data, (unsigned long)job->img->len);
	jpeg_read_header(&cinfo, TRUE);
	if (img_check_size(job, cinfo.image_width, cinfo.image_height) == -1 ||
	    img_check_decoded(job, cinfo.image_width, cinfo.image_height,
	    cinfo.num_components > 3 ? 3 : cinfo.num_components, 8) == -1)
		goto out;
	/* a progressive JPEG is decoded from all of its coefficients at
	 * once, two bytes a sample: bound that too */
	if (cinfo.progressive_mode && 2.0 * cinfo.image_width *
	    cinfo.image_height * cinfo.num_components > IMAGE_MAX_DECODED) {
		snprintf(job->why, job->whylen, "is a progressive JPEG of "
		    "%ux%u pixels, %.0f MB to decode; mimeo decodes pictures of "
		    "up to %ld MB: save it as a standard (baseline) JPEG, or "
		    "smaller (1500 pixels across prints sharp across a whole "
		    "page)", cinfo.image_width, cinfo.image_height, 2.0 *
		    cinfo.image_width * cinfo.image_height *
		    cinfo.num_components / 1e6, IMAGE_MAX_DECODED / 1000000);
		goto out;
	}
	switch (cinfo.jpeg_color_space) {
	case JCS_GRAYSCALE:
		cinfo.out_color_space = JCS_GRAYSCALE;
		break;
	case JCS_YCbCr:
	case JCS_RGB:
		cinfo.out_color_space = JCS_RGB;
		break;
	default:
		snprintf(job->why, job->whylen, "is a CMYK JPEG (colours for "
		    "a print shop); save it as an RGB JPEG or as a PNG");
		goto out;
	}
	jpeg_start_decompress(&cinfo);
	job->px->w = (int)cinfo.output_width;
	job->px->h = (int)cinfo.output_height;
	stride = (size_t)cinfo.output_width *
	    (size_t)cinfo.output_components;
	job->buf = xmalloc(stride * cinfo.output_height);
	while (cinfo.output_scanline < cinfo.output_height) {
		row = job->buf + stride * cinfo.output_scanline;
		jpeg_read_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_decompress(&cinfo);
	img_split(job, cinfo.output_components, 0);
	rc = 0;
out:
	jpeg_destroy_decompress(&cinfo);
	return rc;
}

/* How EXIF orientation o (1-8) reaches the stored picture from the
 * upright one: a stored x and y swapped (5-8), then the stored x and the
 * stored y counted from the other side. */
static void
img_orient_flips(int o, int *swap, int *flipx, int *flipy)
{
	*swap = o >= 5;
	*flipx = o == 2 || o == 3 || o == 7 || o == 8;
	*flipy = o == 3 || o == 4 || o == 6 || o == 7;
}

/* The plane of n samples a pixel at *plane (w x h, stored) turned upright
 * by EXIF orientation o, in place of *plane. */
static void
img_turn_plane(unsigned char **plane, int w, int h, int n, int o)
{
	unsigned char *out;
	int swap, flipx, flipy, x, y, sx, sy, uw, uh, c;
	size_t from, to;

	img_orient_flips(o, &swap, &flipx, &flipy);
	uw = swap ? h : w;
	uh = swap ? w : h;
	out = xmalloc((size_t)uw * (size_t)uh * (size_t)n);
	for (y = 0; y < uh; y++)
		for (x = 0; x < uw; x++) {
			sx = swap ? y : x;
			sy = swap ? x : y;
			if (flipx)
				sx = w - 1 - sx;
			if (flipy)
				sy = h - 1 - sy;
			from = ((size_t)sy * (size_t)w + (size_t)sx) *
			    (size_t)n;
			to = ((size_t)y * (size_t)uw + (size_t)x) * (size_t)n;
			for (c = 0; c < n; c++)
				out[to + (size_t)c] = (*plane)[from +
				    (size_t)c];
		}
	free(*plane);
	*plane = out;
}

/* Turns the stored pixels px, and their transparency, upright by EXIF
 * orientation o. */
static void
img_turn(struct pixels *px, int o)
{
	if (o <= 1)
		return;
	img_turn_plane(&px->color, px->w, px->h, px->channels, o);
	if (px->alpha != NULL)
		img_turn_plane(&px->alpha, px->w, px->h, 1, o);
	if (o >= 5) {
		int w = px->w;

		px->w = px->h;
		px->h = w;
	}
}

void
image_matrix(const struct image *img, double x, double y, double w,
    double h, double m[6])
{
	int swap, flipx, flipy;

	img_orient_flips(img->orient, &swap, &flipx, &flipy);
	/* the unit square's u (stored x, rightwards) and v (stored y
	 * reversed, upwards) go across and up the box, or, swapped, up and
	 * across it; a flip runs one of them the other way */
	memset(m, 0, 6 * sizeof(*m));
	if (!swap) {
		m[0] = flipx ? -w : w;
		m[3] = flipy ? -h : h;
	} else {
		m[1] = flipx ? h : -h;
		m[2] = flipy ? w : -w;
	}
	m[4] = x + (m[0] < 0 || m[2] < 0 ? w : 0);
	m[5] = y + (m[1] < 0 || m[3] < 0 ? h : 0);
}

/* image_decode(), and the orientation the pixels were turned by in
 * *orient when orient is not NULL. */
static int
img_decode(const struct image *img, struct pixels *px, int *orient,
    char *why, size_t whylen)
{
	struct img_job *job = xcalloc(1, sizeof(*job));
	int rc;

	memset(px, 0, sizeof(*px));
	job->img = img;
	job->px = px;
	job->why = why;
	job->whylen = whylen;
	job->orient = img->orient;
	rc = img->kind == IMAGE_PNG ? img_png(job) : img_jpeg(job);
	if (rc == -1)
		pixels_free(px);
	else
		img_turn(px, job->orient);
	if (orient != NULL)
		*orient = job->orient;
	free(job->buf);
	free(job->rows);
	free(job);
	return rc;
}

int
image_decode(const struct image *img, struct pixels *px, char *why,
    size_t whylen)
{
	return img_decode(img, px, NULL, why, whylen);
}

void
pixels_free(struct pixels *px)
{
	free(px->color);
	free(px->alpha);
	memset(px, 0, sizeof(*px));
}

/* The kinds of file a teacher may take for a picture mimeo prints, known
 * by their first bytes. */
static const struct {
	const char	*magic;
	size_t		 len;
	const char	*name;
} img_others[] = {
	{ "GIF8", 4, "a GIF picture" },
	{ "BM", 2, "a BMP picture" },
	{ "II*\0", 4, "a TIFF picture" },
	{ "MM\0*", 4, "a TIFF picture" },
	{ "%PDF", 4, "a PDF file" },
	{ "<svg", 4, "an SVG drawing" },
	{ "<?xml", 5, "an XML file (an SVG drawing?)" },
};

/* Why data (len bytes) is not a picture mimeo prints: a new string. */
static char *
img_not_picture(const unsigned char *data, size_t len, const char *name)
{
	const char *what = NULL;
	size_t i;

	for (i = 0; i < sizeof(img_others) / sizeof(img_others[0]); i++)
		if (len >= img_others[i].len &&
		    memcmp(data, img_others[i].magic, img_others[i].len) == 0)
			what = img_others[i].name;
	if (len >= 12 && memcmp(data, "RIFF", 4) == 0 &&
	    memcmp(data + 8, "WEBP", 4) == 0)
		what = "a WebP picture";
	if (len >= 12 && memcmp(data + 4, "ftyp", 4) == 0)
		what = "a HEIC or AVIF picture (as phones take them)";
	for (i = 0; i < len && i < 64 && (data[i] >= 0x20 || data[i] == '\n' ||
	    data[i] == '\r' || data[i] == '\t'); i++)
		;
	if (len == 0)
		return xasprintf("image \"%s\" is an empty file; copy or save "
		    "the picture again", name);
	if (what == NULL && (i == len || i == 64))
		return xasprintf("image \"%s\" holds text, not a picture; mimeo "
		    "prints PNG and JPEG pictures", name);
	if (what != NULL)
		return xasprintf("image \"%s\" is %s; mimeo prints PNG and JPEG "
		    "pictures: save it as PNG or JPEG", name, what);
	return xasprintf("image \"%s\" is not a PNG or JPEG picture; mimeo "
	    "prints PNG and JPEG pictures", name);
}

/* Reads the whole file at path into *data.  Returns its length, or -1
 * with why it cannot in *err (a new string). */
static long
img_read_file(const char *path, const char *name, unsigned char **data,
    char **err)
{
	struct stat st;
	FILE *f;
	long len;
	char why[160];

	*data = NULL;
	if ((f = input_open(path, INPUT_FILE, why, sizeof(why))) == NULL ||
	    fstat(fileno(f), &st) == -1) {
		*err = xasprintf("cannot read image \"%s\": %s", name,
		    f == NULL ? why : strerror(errno));
		if (f != NULL)
			fclose(f);
		return -1;
	}
	if (st.st_size > IMAGE_MAX_BYTES) {
		*err = xasprintf("image \"%s\" is %.1f MB; mimeo takes "
		    "pictures up to %ld MB: make it smaller", name,
		    (double)st.st_size / (1024 * 1024),
		    IMAGE_MAX_BYTES / (1024 * 1024));
		fclose(f);
		return -1;
	}
	len = (long)st.st_size;
	*data = xmalloc(len > 0 ? (size_t)len : 1);
	if (len > 0 && fread(*data, 1, (size_t)len, f) != (size_t)len) {
		*err = xasprintf("cannot read image \"%s\": %s", name,
		    ferror(f) ? strerror(errno) : "it got shorter while read");
		free(*data);
		*data = NULL;
		len = -1;
	}
	fclose(f);
	return len;
}

struct image *
image_load(const char *path, const char *name, char **err)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G',
	    '\r', '\n', 0x1a, '\n' };
	struct image *img;
	struct pixels px;
	unsigned char *data;
	char why[512];
	long len;

	if ((len = img_read_file(path, name, &data, err)) == -1)
		return NULL;
	img = xcalloc(1, sizeof(*img));
	img->data = data;
	img->len = (size_t)len;
	img->refs = 1;
	img->orient = 1;
	if (img->len >= 8 && memcmp(data, png_sig, 8) == 0)
		img->kind = IMAGE_PNG;
	else if (img->len >= 3 && data[0] == 0xFF && data[1] == 0xD8 &&
	    data[2] == 0xFF) {
		img->kind = IMAGE_JPEG;
		img->orient = img_jpeg_orientation(data, img->len);
	} else {
		*err = img_not_picture(data, img->len, name);
		image_unref(img);
		return NULL;
	}
	/* a PNG's orientation is found as it is decoded */
	if (img_decode(img, &px, &img->orient, why, sizeof(why)) == -1) {
		*err = xasprintf("image \"%s\" %s", name, why);
		image_unref(img);
		return NULL;
	}
	img->w = px.w;
	img->h = px.h;
	pixels_free(&px);
	return img;
}

struct image *
image_ref(struct image *img)
{
	img->refs++;
	return img;
}

void
image_unref(struct image *img)
{
	if (img != NULL && --img->refs == 0) {
		free(img->data);
		free(img);
	}
}
