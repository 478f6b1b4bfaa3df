#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>

/// `xmlFree` may be a macro or a function pointer depending on how libxml2 was
/// configured; Swift sees neither reliably, so expose one plain function.
static inline void cxml_free(void *p) { xmlFree(p); }
