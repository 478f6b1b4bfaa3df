#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull in ICU's
 * headers, whose UErrorCode clashes with the copy inside Foundation's
 * _FoundationICU module in any Swift module that sees both (the tests do).
 * altbuild uses none of libxml2's ICU-dependent API, so hide it. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>

/// `xmlFree` may be a macro or a function pointer depending on how libxml2 was
/// configured; Swift sees neither reliably, so expose one plain function.
static inline void cxml_free(void *p) { xmlFree(p); }
