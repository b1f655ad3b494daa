/*
 * image.h - the pictures a problem shows (`image: {file, width}`).
 *
 * image_load() reads a PNG or JPEG file once and proves it can be printed:
 * it decodes every pixel with the real decoder (libpng, libjpeg), so a file
 * that is not a picture, is cut short, or is of a kind mimeo does not print
 * is an error at load time, in `mimeo check` too.  The struct image keeps
 * the file's bytes; backends decode them again when they draw
 * (image_decode), so only the bytes stay in memory.
 *
 * The EXIF orientation tag (how phones store a photo taken sideways) of
 * a JPEG (APP1 segment) or a PNG (eXIf chunk) is obeyed: image_decode()
 * turns the pixels upright, and w and h are the upright picture's; the
 * PDF keeps the stored JPEG and draws it turned (image_matrix()), and
 * gets a PNG's pixels upright from image_decode().
 *
 * Why not libharu's own PNG loader: libharu 2.3.0 refuses interlaced PNGs,
 * garbles palette PNGs of 1, 2 or 4 bits with transparency, and mixes up
 * the colours of 16-bit RGBA PNGs.  PNGs therefore reach the PDF as raw
 * 8-bit samples (plus a soft mask for transparency) decoded here; JPEGs go
 * into the PDF as they are (DCT), decoded here only to check them and for
 * cairo.
 *
 * An image is reference-counted: the set that loaded it and every
 * document that draws it hold a reference; image_unref() frees it with
 * the last one.
 */
#ifndef MIMEO_IMAGE_H
#define MIMEO_IMAGE_H

#include <stddef.h>

#define IMAGE_MAX_SIDE	6000		/* pixels, either way */
#define IMAGE_MAX_BYTES	(20L * 1024 * 1024)
/* Samples of a decoded picture, in bytes (a 6000 x 6000 colour photo),
 * both as stored (16-bit samples are two bytes) and as drawn: what bounds
 * the memory and time of decoding, which the pixel count alone does not. */
#define IMAGE_MAX_DECODED (6000L * 6000 * 3)
#define IMAGE_DPI	150		/* natural size when no width is given */

enum image_kind { IMAGE_PNG, IMAGE_JPEG };

struct image {
	enum image_kind	 kind;
	unsigned char	*data;		/* the file's bytes, owned */
	size_t		 len;
	int		 w, h;		/* pixels, upright (as it prints) */
	int		 orient;	/* EXIF orientation, 1 to 8: how the
					 * stored pixels turn upright (a
					 * phone photo: 6 or 8) */
	int		 refs;
};

/* Decoded samples, 8 bits each, rows top to bottom without padding;
 * from image_decode(), upright. */
struct pixels {
	int		 w, h;
	int		 channels;	/* 1: gray, 3: RGB */
	unsigned char	*color;		/* w * h * channels, owned */
	unsigned char	*alpha;		/* w * h, owned; NULL when opaque */
};

/*
 * Read and check the picture at path; name is the path as the teacher
 * wrote it, for messages.  Returns a new image with one reference, or
 * NULL with what is wrong in *err (a new string, without the file and
 * position: the loader reports it at the image's node).
 */
struct image	*image_load(const char *path, const char *name, char **err);
struct image	*image_ref(struct image *);
void		 image_unref(struct image *);

/* Decode img into px.  Returns 0, or -1 with a one-line reason in why
 * (px then holds nothing to free).  Free px with pixels_free(). */
int		 image_decode(const struct image *img, struct pixels *px,
		    char *why, size_t whylen);
void		 pixels_free(struct pixels *);
/* The PDF matrix [a b c d e f] that draws the stored pixels of img (the
 * unit square, first row at the top) upright in the box of width w and
 * height h whose bottom-left corner is (x, y). */
void		 image_matrix(const struct image *img, double x, double y,
		    double w, double h, double m[6]);

#endif
