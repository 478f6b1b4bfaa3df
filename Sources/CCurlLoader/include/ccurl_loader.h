#ifndef CCURL_LOADER_H
#define CCURL_LOADER_H
/* libcurl, loaded on first use with dlopen. Linking it would cost every
 * altbuild start ~3 ms (it pulls in 30 libraries), and most runs (no-op
 * builds, status, the workers) never make a request. curl_easy_setopt and
 * curl_easy_getinfo are variadic, which Swift cannot call: typed wrappers. */
#include <stddef.h>
#include <curl/curl.h>

/* 0 when libcurl is loaded and initialised; otherwise the reason in `error`. */
int ccurl_load(char *error, size_t error_size);

CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *curl);
/* Clears a handle's options; its open connections stay, for the next request. */
void ccurl_easy_reset(CURL *curl);
CURLcode ccurl_easy_perform(CURL *curl);
const char *ccurl_easy_strerror(CURLcode code);
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *text);
void ccurl_slist_free_all(struct curl_slist *list);

typedef size_t (*ccurl_write_callback)(char *, size_t, size_t, void *);
typedef int (*ccurl_progress_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

CURLcode ccurl_setopt_long(CURL *curl, CURLoption option, long value);
CURLcode ccurl_setopt_string(CURL *curl, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *curl, CURLoption option, void *value);
CURLcode ccurl_setopt_off(CURL *curl, CURLoption option, curl_off_t value);
CURLcode ccurl_setopt_write(CURL *curl, CURLoption option, ccurl_write_callback callback);
CURLcode ccurl_setopt_progress(CURL *curl, ccurl_progress_callback callback);
CURLcode ccurl_getinfo_long(CURL *curl, CURLINFO info, long *value);
#endif
