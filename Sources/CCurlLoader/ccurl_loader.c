#include "ccurl_loader.h"
#include "cdl.h"
#include <stdio.h>

static CURLcode (*p_global_init)(long);
static CURL *(*p_easy_init)(void);
static void (*p_easy_cleanup)(CURL *);
static void (*p_easy_reset)(CURL *);
static CURLcode (*p_easy_perform)(CURL *);
static const char *(*p_easy_strerror)(CURLcode);
static struct curl_slist *(*p_slist_append)(struct curl_slist *, const char *);
static void (*p_slist_free_all)(struct curl_slist *);
static CURLcode (*p_easy_setopt)(CURL *, CURLoption, ...);
static CURLcode (*p_easy_getinfo)(CURL *, CURLINFO, ...);

static int global_init(char *error, size_t error_size) {
    if (p_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) return 0;
    snprintf(error, error_size, "curl_global_init failed");
    return -1;
}

static const char *const names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", NULL};
static const cdl_symbol symbols[] = {
    {"curl_global_init", (void **)&p_global_init},
    {"curl_easy_init", (void **)&p_easy_init},
    {"curl_easy_cleanup", (void **)&p_easy_cleanup},
    {"curl_easy_reset", (void **)&p_easy_reset},
    {"curl_easy_perform", (void **)&p_easy_perform},
    {"curl_easy_strerror", (void **)&p_easy_strerror},
    {"curl_slist_append", (void **)&p_slist_append},
    {"curl_slist_free_all", (void **)&p_slist_free_all},
    {"curl_easy_setopt", (void **)&p_easy_setopt},
    {"curl_easy_getinfo", (void **)&p_easy_getinfo},
    {NULL, NULL},
};
static cdl_library curl = CDL_LIBRARY("libcurl", "libcurl4", names, symbols, global_init);

int ccurl_load(char *error, size_t error_size) { return cdl_load(&curl, error, error_size); }

CURL *ccurl_easy_init(void) { return p_easy_init ? p_easy_init() : NULL; }
void ccurl_easy_cleanup(CURL *curl) { p_easy_cleanup(curl); }
void ccurl_easy_reset(CURL *curl) { p_easy_reset(curl); }
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
