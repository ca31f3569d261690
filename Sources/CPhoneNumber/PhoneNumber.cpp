// The only code that calls libphonenumber. Exceptions never cross into C:
// every entry point catches them and answers CPN_INTERNAL_ERROR.
#include "CPhoneNumber.h"

#include <cstring>
#include <string>

#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

const PhoneNumberUtil &util() { return *PhoneNumberUtil::GetInstance(); }

cpn_status copy(const std::string &text, char *out, size_t size) {
    if (out == nullptr || size == 0) return CPN_BUFFER_TOO_SMALL;
    if (text.size() + 1 > size) {
        out[0] = '\0';
        return CPN_BUFFER_TOO_SMALL;
    }
    std::memcpy(out, text.c_str(), text.size() + 1);
    return CPN_OK;
}

// libphonenumber also reads letters (1-800-FLOWERS), other scripts' digits
// and text around the number; an inbox number is typed or pasted by a
// person, so anything beyond the usual punctuation is more likely a mistake.
bool allowed(char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '(' || c == ')' || c == '-' || c == '.' || c == '/';
}

// True when the text is longer than any phone number as written (see CPN_MAX_TEXT_LENGTH);
// reads at most one byte past the limit, however long the text.
bool tooLong(const char *text) {
    return text != nullptr && strnlen(text, CPN_MAX_TEXT_LENGTH + 1) > CPN_MAX_TEXT_LENGTH;
}

std::string trimmed(const char *text) {
    std::string s(text);
    size_t start = s.find_first_not_of(' ');
    if (start == std::string::npos) return "";
    size_t end = s.find_last_not_of(' ');
    return s.substr(start, end - start + 1);
}

cpn_status fromPossibility(PhoneNumberUtil::ValidationResult result) {
    switch (result) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return CPN_INVALID_COUNTRY_CODE;
    case PhoneNumberUtil::TOO_SHORT: return CPN_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG: return CPN_TOO_LONG;
    case PhoneNumberUtil::INVALID_LENGTH: return CPN_INVALID_LENGTH;
    // Dialable only inside an area (no area code): not a number for an inbox.
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: return CPN_TOO_SHORT;
    case PhoneNumberUtil::IS_POSSIBLE: return CPN_OK;
    }
    return CPN_NOT_A_NUMBER;
}

cpn_status fromParseError(PhoneNumberUtil::ErrorType error) {
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return CPN_INVALID_COUNTRY_CODE;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return CPN_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG_NSN: return CPN_TOO_LONG;
    default: return CPN_NOT_A_NUMBER;
    }
}

cpn_status parse(const char *text, char *e164, size_t e164_size, char *region, size_t region_size) {
    if (region != nullptr && region_size > 0) region[0] = '\0';
    if (e164 != nullptr && e164_size > 0) e164[0] = '\0';
    if (text == nullptr) return CPN_EMPTY;
    if (tooLong(text)) return CPN_TEXT_TOO_LONG;
    std::string number = trimmed(text);
    if (number.empty()) return CPN_EMPTY;
    for (char c : number) {
        if (!allowed(c)) return CPN_BAD_CHARACTER;
    }
    // 00 is the international prefix almost everywhere outside North America.
    if (number.rfind("00", 0) == 0) number.replace(0, 2, "+");
    if (number.find('+') != 0 || number.find('+', 1) != std::string::npos) return CPN_NO_COUNTRY_CODE;

    PhoneNumber parsed;
    // "ZZ": no default region; the number must carry its country code.
    PhoneNumberUtil::ErrorType error = util().Parse(number, "ZZ", &parsed);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) return fromParseError(error);
    std::string regionCode;
    util().GetRegionCodeForCountryCode(parsed.country_code(), &regionCode);
    if (regionCode != "ZZ" && region != nullptr) copy(regionCode, region, region_size);
    if (parsed.has_extension()) return CPN_EXTENSION;
    cpn_status possible = fromPossibility(util().IsPossibleNumberWithReason(parsed));
    if (possible != CPN_OK) return possible;
    if (!util().IsValidNumber(parsed)) return CPN_NOT_IN_USE;
    std::string formatted;
    util().Format(parsed, PhoneNumberUtil::E164, &formatted);
    return copy(formatted, e164, e164_size);
}

template <typename Body>
cpn_status guarded(Body body) {
    try {
        return body();
    } catch (...) {
        return CPN_INTERNAL_ERROR;
    }
}

}  // namespace

extern "C" cpn_status cpn_parse(const char *text, char *e164, size_t e164_size, char *region, size_t region_size) {
    return guarded([&] { return parse(text, e164, e164_size, region, region_size); });
}

extern "C" cpn_status cpn_format_international(const char *e164, char *out, size_t out_size) {
    return guarded([&] {
        PhoneNumber parsed;
        if (e164 == nullptr || tooLong(e164)) return CPN_TEXT_TOO_LONG;
        if (util().Parse(e164, "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return CPN_NOT_A_NUMBER;
        std::string formatted;
        util().Format(parsed, PhoneNumberUtil::INTERNATIONAL, &formatted);
        return copy(formatted, out, out_size);
    });
}

extern "C" cpn_status cpn_region_code(const char *e164, char *out, size_t out_size) {
    return guarded([&] {
        PhoneNumber parsed;
        if (e164 == nullptr || tooLong(e164)) return CPN_TEXT_TOO_LONG;
        if (util().Parse(e164, "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return CPN_NOT_A_NUMBER;
        std::string region;
        util().GetRegionCodeForNumber(parsed, &region);
        return copy(region.empty() ? "ZZ" : region, out, out_size);
    });
}
