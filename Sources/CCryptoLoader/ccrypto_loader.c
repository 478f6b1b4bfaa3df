#include "ccrypto_loader.h"
#include "cdl.h"
#include <stdio.h>

static void *(*p_ctx_new)(void);
static void (*p_ctx_free)(void *);
static int (*p_ctx_copy)(void *, const void *);
static void *(*p_md_fetch)(void *, const char *, const char *);
static int (*p_init)(void *, const void *, void *);
static int (*p_update)(void *, const void *, size_t);
static int (*p_final)(void *, unsigned char *, unsigned int *);

/* OpenSSL 3 looks an algorithm up in its providers on every init given
 * EVP_sha256(); fetching it once saves most of the cost of hashing short keys. */
static const void *sha256;

static int fetch_sha256(char *error, size_t error_size) {
    sha256 = p_md_fetch(NULL, "SHA256", NULL);
    if (sha256) return 0;
    snprintf(error, error_size, "libcrypto has no SHA-256 (EVP_MD_fetch failed)");
    return -1;
}

/* Debian's and other Linux file names first, then Homebrew's OpenSSL 3 on macOS. */
static const char *const names[] = {"libcrypto.so.3", "libcrypto.so", "/opt/homebrew/opt/openssl@3/lib/libcrypto.3.dylib",
                                    "/usr/local/opt/openssl@3/lib/libcrypto.3.dylib", NULL};
static const cdl_symbol symbols[] = {
    {"EVP_MD_CTX_new", (void **)&p_ctx_new},
    {"EVP_MD_CTX_free", (void **)&p_ctx_free},
    {"EVP_MD_CTX_copy_ex", (void **)&p_ctx_copy},
    {"EVP_MD_fetch", (void **)&p_md_fetch},
    {"EVP_DigestInit_ex", (void **)&p_init},
    {"EVP_DigestUpdate", (void **)&p_update},
    {"EVP_DigestFinal_ex", (void **)&p_final},
    {NULL, NULL},
};
static cdl_library crypto = CDL_LIBRARY("libcrypto", "libssl3", names, symbols, fetch_sha256);

int ccrypto_load(char *error, size_t error_size) { return cdl_load(&crypto, error, error_size); }

ccrypto_hash *ccrypto_sha256_new(void) {
    if (!sha256) return NULL;
    void *context = p_ctx_new();
    if (context && p_init(context, sha256, NULL) != 1) {
        p_ctx_free(context);
        return NULL;
    }
    return context;
}

ccrypto_hash *ccrypto_copy(const ccrypto_hash *hash) {
    void *context = p_ctx_new();
    if (context && p_ctx_copy(context, hash) != 1) {
        p_ctx_free(context);
        return NULL;
    }
    return context;
}

void ccrypto_free(ccrypto_hash *hash) { p_ctx_free(hash); }
void ccrypto_update(ccrypto_hash *hash, const void *data, size_t count) { p_update(hash, data, count); }

void ccrypto_final(ccrypto_hash *hash, unsigned char digest[32]) {
    unsigned int length = 0;
    p_final(hash, digest, &length);
}
