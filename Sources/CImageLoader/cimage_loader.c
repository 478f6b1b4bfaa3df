#include "cimage_loader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef void *gd_image;
static gd_image (*p_from_png)(int, void *);
static gd_image (*p_from_jpeg)(int, void *);
static gd_image (*p_from_gif)(int, void *);
static gd_image (*p_scale)(const gd_image, unsigned int, unsigned int);
static void *(*p_png_ptr)(gd_image, int *);
static void *(*p_jpeg_ptr)(gd_image, int *, int);
static void (*p_destroy)(gd_image);
static void (*p_free)(void *);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[256];
static int loaded;

static void load(void) {
    void *handle = dlopen("libgd.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!handle) handle = dlopen("libgd.so", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(load_error, sizeof load_error, "libgd is not installed (%s); install libgd3", dlerror());
        return;
    }
#define LOAD(ptr, name) do { *(void **)(&ptr) = dlsym(handle, name); if (!ptr) { snprintf(load_error, sizeof load_error, "libgd lacks %s", name); return; } } while (0)
    LOAD(p_from_png, "gdImageCreateFromPngPtr");
    LOAD(p_from_jpeg, "gdImageCreateFromJpegPtr");
    LOAD(p_from_gif, "gdImageCreateFromGifPtr");
    LOAD(p_scale, "gdImageScale");
    LOAD(p_png_ptr, "gdImagePngPtr");
    LOAD(p_jpeg_ptr, "gdImageJpegPtr");
    LOAD(p_destroy, "gdImageDestroy");
    LOAD(p_free, "gdFree");
#undef LOAD
    loaded = 1;
}

int cimage_load(char *error, size_t error_size) {
    pthread_once(&once, load);
    if (loaded) return 0;
    if (error && error_size) snprintf(error, error_size, "%s", load_error);
    return -1;
}

void *cimage_scale(const void *data, int size, int format, int width, int height, int *out_size) {
    if (!loaded || width <= 0 || height <= 0) return NULL;
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
