#ifndef CDL_H
#define CDL_H
/* Loading a shared library on first use with dlopen, for the libraries
 * altbuild needs only sometimes (libcurl, libgd): linking them would cost
 * every start, and most runs never call them. One copy of the logic both
 * loaders share: try each file name, resolve every symbol, run an optional
 * set-up once, and remember a failure as a sentence for the user. */
#include <pthread.h>
#include <stddef.h>

/* A symbol to resolve and where its address goes. */
typedef struct {
    const char *name;
    void **address;
} cdl_symbol;

/* One library: what to look for, and (after the first cdl_load) what came of it. */
typedef struct {
    const char *label;           /* "libcurl", for messages */
    const char *package;         /* what to install when it is missing: "libcurl4" */
    const char *const *names;    /* file names to try in order, NULL-terminated */
    const cdl_symbol *symbols;   /* NULL-terminated (name NULL) */
    /* Run once after every symbol resolved; 0 on success, else writes the reason. */
    int (*set_up)(char *error, size_t error_size);
    pthread_mutex_t lock;
    int state;                   /* 0 not tried, 1 loaded, -1 failed */
    char error[256];
} cdl_library;

#define CDL_LIBRARY(label, package, names, symbols, set_up) \
    { (label), (package), (names), (symbols), (set_up), PTHREAD_MUTEX_INITIALIZER, 0, {0} }

/* Loads `library` the first time it is called, from any thread; later calls
 * return the first answer. 0 when loaded; otherwise -1 and the reason in `error`. */
int cdl_load(cdl_library *library, char *error, size_t error_size);
#endif
