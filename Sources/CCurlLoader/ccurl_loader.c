#include "ccurl_loader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static CURLcode (*p_global_init)(long);
static CURL *(*p_easy_init)(void);
static void (*p_easy_cleanup)(CURL *);
static CURLcode (*p_easy_perform)(CURL *);
static const char *(*p_easy_strerror)(CURLcode);
static struct curl_slist *(*p_slist_append)(struct curl_slist *, const char *);
static void (*p_slist_free_all)(struct curl_slist *);
static CURLcode (*p_easy_setopt)(CURL *, CURLoption, ...);
static CURLcode (*p_easy_getinfo)(CURL *, CURLINFO, ...);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[256];

static void load(void) {
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", NULL};
    void *handle = NULL;
    for (int i = 0; names[i] && !handle; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(load_error, sizeof load_error, "libcurl is not installed (%s); install libcurl4", dlerror());
        return;
    }
#define LOAD(ptr, name) do { *(void **)(&ptr) = dlsym(handle, name); if (!ptr) { snprintf(load_error, sizeof load_error, "libcurl lacks %s", name); return; } } while (0)
    LOAD(p_global_init, "curl_global_init");
    LOAD(p_easy_init, "curl_easy_init");
    LOAD(p_easy_cleanup, "curl_easy_cleanup");
    LOAD(p_easy_perform, "curl_easy_perform");
    LOAD(p_easy_strerror, "curl_easy_strerror");
    LOAD(p_slist_append, "curl_slist_append");
    LOAD(p_slist_free_all, "curl_slist_free_all");
    LOAD(p_easy_setopt, "curl_easy_setopt");
    LOAD(p_easy_getinfo, "curl_easy_getinfo");
#undef LOAD
    if (p_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "curl_global_init failed");
        p_easy_init = NULL;
    }
}

int ccurl_load(char *error, size_t error_size) {
    pthread_once(&once, load);
    if (p_easy_init && p_easy_setopt) return 0;
    if (error && error_size) snprintf(error, error_size, "%s", load_error[0] ? load_error : "libcurl could not be loaded");
    return -1;
}

CURL *ccurl_easy_init(void) { return p_easy_init ? p_easy_init() : NULL; }
void ccurl_easy_cleanup(CURL *curl) { p_easy_cleanup(curl); }
CURLcode ccurl_easy_perform(CURL *curl) { return p_easy_perform(curl); }
const char *ccurl_easy_strerror(CURLcode code) { return p_easy_strerror(code); }
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *text) { return p_slist_append(list, text); }
void ccurl_slist_free_all(struct curl_slist *list) { p_slist_free_all(list); }
CURLcode ccurl_setopt_long(CURL *curl, CURLoption option, long value) { return p_easy_setopt(curl, option, value); }
CURLcode ccurl_setopt_string(CURL *curl, CURLoption option, const char *value) { return p_easy_setopt(curl, option, value); }
CURLcode ccurl_setopt_pointer(CURL *curl, CURLoption option, void *value) { return p_easy_setopt(curl, option, value); }
CURLcode ccurl_setopt_off(CURL *curl, CURLoption option, curl_off_t value) { return p_easy_setopt(curl, option, value); }
CURLcode ccurl_setopt_write(CURL *curl, CURLoption option, ccurl_write_callback callback) { return p_easy_setopt(curl, option, callback); }
CURLcode ccurl_setopt_progress(CURL *curl, ccurl_progress_callback callback) { return p_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, callback); }
CURLcode ccurl_getinfo_long(CURL *curl, CURLINFO info, long *value) { return p_easy_getinfo(curl, info, value); }
