#include "cimage_loader.h"
#include "cdl.h"

typedef void *gd_image;
static gd_image (*p_from_png)(int, void *);
static gd_image (*p_from_jpeg)(int, void *);
static gd_image (*p_from_gif)(int, void *);
static gd_image (*p_scale)(const gd_image, unsigned int, unsigned int);
static void *(*p_png_ptr)(gd_image, int *);
static void *(*p_jpeg_ptr)(gd_image, int *, int);
static void (*p_destroy)(gd_image);
static void (*p_free)(void *);

static const char *const names[] = {"libgd.so.3", "libgd.so", NULL};
static const cdl_symbol symbols[] = {
    {"gdImageCreateFromPngPtr", (void **)&p_from_png},
    {"gdImageCreateFromJpegPtr", (void **)&p_from_jpeg},
    {"gdImageCreateFromGifPtr", (void **)&p_from_gif},
    {"gdImageScale", (void **)&p_scale},
    {"gdImagePngPtr", (void **)&p_png_ptr},
    {"gdImageJpegPtr", (void **)&p_jpeg_ptr},
    {"gdImageDestroy", (void **)&p_destroy},
    {"gdFree", (void **)&p_free},
    {NULL, NULL},
};
static cdl_library gd = CDL_LIBRARY("libgd", "libgd3", names, symbols, NULL);

int cimage_load(char *error, size_t error_size) { return cdl_load(&gd, error, error_size); }

void *cimage_scale(const void *data, int size, int format, int width, int height, int *out_size) {
    if (cdl_load(&gd, NULL, 0) != 0 || width <= 0 || height <= 0) return NULL;
    gd_image source = format == 0 ? p_from_png(size, (void *)data)
                    : format == 1 ? p_from_jpeg(size, (void *)data)
                    : p_from_gif(size, (void *)data);
    if (!source) return NULL;
    gd_image scaled = p_scale(source, (unsigned)width, (unsigned)height);
    p_destroy(source);
    if (!scaled) return NULL;
    void *out = format == 1 ? p_jpeg_ptr(scaled, out_size, 85) : p_png_ptr(scaled, out_size);
    p_destroy(scaled);
    return out;
}

void cimage_free(void *buffer) {
    if (buffer && p_free) p_free(buffer);
}
