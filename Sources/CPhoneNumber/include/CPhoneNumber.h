// A plain C face on Google's libphonenumber (C++), so Swift code needs no
// C++ interoperability and only the one target that wraps it links C++.
#ifndef CPHONENUMBER_H
#define CPHONENUMBER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Why a text is not a phone number that can exist; CPN_OK when it is.
typedef enum {
    CPN_OK = 0,
    CPN_EMPTY,
    /// A character other than ASCII digits, spaces and + ( ) - . / (letters, other scripts' digits, controls).
    CPN_BAD_CHARACTER,
    /// Neither + nor 00 in front: without a country code the number is ambiguous.
    CPN_NO_COUNTRY_CODE,
    CPN_INVALID_COUNTRY_CODE,
    CPN_NOT_A_NUMBER,
    CPN_TOO_SHORT,
    CPN_TOO_LONG,
    /// Between the country's shortest and longest numbers, but no number there has this length.
    CPN_INVALID_LENGTH,
    /// A possible length, but in no range of numbers the country uses.
    CPN_NOT_IN_USE,
    /// An extension (ext. 12): an inbox is a whole line.
    CPN_EXTENSION,
    CPN_BUFFER_TOO_SMALL,
    CPN_INTERNAL_ERROR,
    /// Longer than CPN_MAX_TEXT_LENGTH bytes: refused before libphonenumber reads it.
    CPN_TEXT_TOO_LONG,
} cpn_status;

/// The longest text read as a phone number. E.164 has at most 15 digits; written
/// with spaces, brackets and 00 it stays well under this. libphonenumber's
/// regular expressions take time that grows faster than the text (16 kB of
/// "1-" took 8 s), so a longer text is refused at once.
#define CPN_MAX_TEXT_LENGTH 64

/// Parses a number as people write it (`+1 (415) 555-0102`, `0044 20 7183 8750`),
/// checks that it can exist, and writes its E.164 form (`+14155550102`) to `e164`.
/// `region` receives the two-letter region of the number's country code when it is
/// known (`US`, also when the number is refused, for the message), else "".
cpn_status cpn_parse(const char *text, char *e164, size_t e164_size, char *region, size_t region_size);

/// The international format for people (`+1 415-555-0102`) of an E.164 number.
cpn_status cpn_format_international(const char *e164, char *out, size_t out_size);

/// The two-letter region of an E.164 number (`GB`), "ZZ" when unknown.
cpn_status cpn_region_code(const char *e164, char *out, size_t out_size);

#ifdef __cplusplus
}
#endif

#endif
