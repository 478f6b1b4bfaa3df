#ifndef CIMAGE_LOADER_H
#define CIMAGE_LOADER_H
/* libgd (Debian's libgd3), loaded on first use with dlopen: only builds with
 * a vision describer scale pictures, and linking it would slow every start. */
#include <stddef.h>

/* 0 when libgd is loaded; otherwise the reason in `error`. */
int cimage_load(char *error, size_t error_size);

/* Decodes `data` (format 0 = PNG, 1 = JPEG, 2 = GIF), scales it to
 * width x height and encodes it again (PNG for PNG and GIF, JPEG at quality
 * 85 for JPEG). Returns a buffer to release with cimage_free, or NULL. */
void *cimage_scale(const void *data, int size, int format, int width, int height, int *out_size);
void cimage_free(void *buffer);
#endif
