#include "store/sql_session.h"

#include <charconv>

#include "store/store.h"

namespace dxmon::sql {

std::optional<std::string> opt_text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, end);
  }
  return std::nullopt;
}

std::string text(const Value& v) { return opt_text(v).value_or(std::string{}); }

std::optional<double> opt_real(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) {
    double out = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc{} || end != s->data() + s->size())
      throw StoreError("kho dữ liệu trả về \"" + *s + "\" ở chỗ cần một số");
    return out;
  }
  return std::nullopt;
}

std::optional<std::int64_t> opt_integer(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc{} || end != s->data() + s->size())
      throw StoreError("kho dữ liệu trả về \"" + *s + "\" ở chỗ cần một số nguyên");
    return out;
  }
  return std::nullopt;
}

std::int64_t integer(const Value& v) { return opt_integer(v).value_or(0); }

void Session::write(std::string_view sql, const std::vector<Value>& params, std::string_view context) {
  try {
    query(sql, params);
  } catch (const StoreError& e) {
    throw StoreError("cơ sở dữ liệu từ chối ghi " + std::string(context) + ": " + e.what());
  }
}

Value nullable(const std::optional<double>& v) { return v ? Value{*v} : Value{nullptr}; }
Value nullable(const std::optional<std::string>& v) { return v ? Value{*v} : Value{nullptr}; }

}  // namespace dxmon::sql
