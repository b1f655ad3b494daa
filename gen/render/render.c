/*
 * render.c - one document through one device; see render.h.
 */
#include "page.h"
#include "render.h"

int
render_doc(const struct device *dev, const struct doc *d,
    const struct devopts *o, size_t page, const char *path, char *err,
    size_t errlen)
{
	void *dv;
	size_t p;
	int rc = 0;

	if ((dv = dev->new(d, o, err, errlen)) == NULL)
		return -1;
	if (dev->per_page)
		rc = dev->page(dv, page);
	else
		for (p = 0; p < d->npages && rc == 0; p++)
			rc = dev->page(dv, p);
	if (rc == 0)
		rc = dev->finish(dv, path);
	dev->free(dv);
	return rc;
}
