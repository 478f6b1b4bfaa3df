#ifndef CCRYPTO_LOADER_H
#define CCRYPTO_LOADER_H
/* libcrypto's SHA-256, loaded on first use with dlopen. Linking libcrypto
 * cost every altbuild start ~1.3 ms of CPU (it is bound at load time: some
 * 3,400 symbol look-ups, 17,000 relocations, its constructors), and a no-op
 * build never hashes. The hashing itself is OpenSSL's, as before. A hash
 * state is an EVP_MD_CTX, opaque here so no OpenSSL header is needed. */
#include <stddef.h>

typedef struct ccrypto_hash ccrypto_hash;

/* 0 when libcrypto is loaded and SHA-256 fetched; otherwise the reason in `error`. */
int ccrypto_load(char *error, size_t error_size);

/* A SHA-256 state ready for input; NULL when libcrypto is not loaded or memory ran out. */
ccrypto_hash *ccrypto_sha256_new(void);
/* A state that has consumed what `hash` has; NULL when memory ran out. */
ccrypto_hash *ccrypto_copy(const ccrypto_hash *hash);
void ccrypto_free(ccrypto_hash *hash);
void ccrypto_update(ccrypto_hash *hash, const void *data, size_t count);
/* Writes the 32-byte digest. */
void ccrypto_final(ccrypto_hash *hash, unsigned char digest[32]);
#endif
