#include "cdl.h"
#include <dlfcn.h>
#include <stdio.h>

static void *open_first(const char *const *names) {
    void *handle = NULL;
    for (int i = 0; names[i] && !handle; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    return handle;
}

/* Fills every symbol's address; on a missing one, says which and clears them all. */
static int resolve(cdl_library *library, void *handle) {
    for (const cdl_symbol *symbol = library->symbols; symbol->name; symbol++) {
        *symbol->address = dlsym(handle, symbol->name);
        if (*symbol->address) continue;
        snprintf(library->error, sizeof library->error, "%s lacks %s", library->label, symbol->name);
        for (const cdl_symbol *s = library->symbols; s->name; s++) *s->address = NULL;
        return -1;
    }
    return 0;
}

static int load(cdl_library *library) {
    void *handle = open_first(library->names);
    if (!handle) {
        snprintf(library->error, sizeof library->error, "%s is not installed (%s); install %s",
                 library->label, dlerror(), library->package);
        return -1;
    }
    if (resolve(library, handle) != 0) return -1;
    if (library->set_up && library->set_up(library->error, sizeof library->error) != 0) return -1;
    return 1;
}

int cdl_load(cdl_library *library, char *error, size_t error_size) {
    pthread_mutex_lock(&library->lock);
    if (library->state == 0) library->state = load(library);
    int state = library->state;
    pthread_mutex_unlock(&library->lock);
    if (state == 1) return 0;
    if (error && error_size) snprintf(error, error_size, "%s", library->error);
    return -1;
}
