#include "measure/generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <set>
#include <stdexcept>

#include "measure/dossier_record.h"
#include "text/vdate.h"

namespace dxmon::measure {
namespace {

// xoshiro256** seeded by splitmix64: the same numbers on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& x : s_) {
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      x = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return uniform() < p; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// Zipf(s) over n items via a cumulative table.
class Zipf {
 public:
  Zipf(std::size_t n, double s) : cdf_(n) {
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) cdf_[i] = total += 1.0 / std::pow(static_cast<double>(i + 1), s);
    for (auto& c : cdf_) c /= total;
  }
  std::size_t sample(Rng& rng) const {
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), rng.uniform()) - cdf_.begin()) %
           cdf_.size();
  }

 private:
  std::vector<double> cdf_;
};

struct Procedure {
  std::string code;
  ServiceLevel level;
  bool fee;
  int due_days;
};

struct Dossier {
  std::string id;
  const std::string* agency;
  const Procedure* procedure;
  Channel channel;
  std::int64_t received, due, completed;  // seconds since 2000 (+07:00); completed < 0: not yet
  DossierStatus status;
  std::int64_t updated;
  bool paid, dossier_digitised, result_digitised;
  int rating;
};

void put_time(std::string& out, std::int64_t t) {
  std::int64_t days = t / 86400, rem = t % 86400;
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", y, m, d, static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  out += buf;
}

void put_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void write_record(std::string& out, const Dossier& d, bool ndjson, int bad_kind) {
  std::string agency = bad_kind == 1 ? "tinh-99" : *d.agency;
  std::string_view level = bad_kind == 4 ? "khong_ro" : service_level_id(d.procedure->level);
  auto time = [&](std::int64_t t, bool bad) {
    std::string s;
    if (bad) s = "2024-13-45T25:00:00";
    else put_time(s, t);
    return s;
  };
  std::string received = time(d.received, bad_kind == 2);
  std::string completed;
  if (d.status == DossierStatus::Completed)
    completed = time(bad_kind == 3 ? d.received - 86400 * 3 : d.completed, false);
  std::string due = time(d.due, false), updated = time(d.updated, false);
  std::int64_t fee = d.procedure->fee ? 50000 : 0;
  if (!ndjson) {
    out += d.id; out += ',';
    out += agency; out += ',';
    out += d.procedure->code; out += ',';
    out += level; out += ',';
    out += channel_id(d.channel); out += ',';
    out += status_id(d.status); out += ',';
    out += received; out += ',';
    out += due; out += ',';
    out += completed; out += ',';
    out += updated; out += ',';
    put_int(out, fee); out += ',';
    out += d.paid ? '1' : '0'; out += ',';
    out += d.dossier_digitised ? '1' : '0'; out += ',';
    out += d.result_digitised ? '1' : '0'; out += ',';
    if (d.rating) put_int(out, d.rating);
    out += '\n';
  } else {
    auto str = [&](const char* key, std::string_view v, bool comma = true) {
      out += '"'; out += key; out += "\":\""; out += v; out += '"';
      if (comma) out += ',';
    };
    out += '{';
    str("dossier_id", d.id);
    str("agency", agency);
    str("procedure", d.procedure->code);
    str("service_level", level);
    str("channel", channel_id(d.channel));
    str("status", status_id(d.status));
    str("received_at", received);
    str("due_at", due);
    if (completed.empty()) out += "\"completed_at\":null,";
    else str("completed_at", completed);
    str("updated_at", updated);
    out += "\"fee\":"; put_int(out, fee);
    out += ",\"paid_online\":"; out += d.paid ? '1' : '0';
    out += ",\"dossier_digitised\":"; out += d.dossier_digitised ? '1' : '0';
    out += ",\"result_digitised\":"; out += d.result_digitised ? '1' : '0';
    out += ",\"satisfaction\":";
    if (d.rating) put_int(out, d.rating);
    else out += "null";
    out += "}\n";
  }
}

}  // namespace

GeneratorResult generate_records(const std::vector<ReportingUnit>& units, const GeneratorOptions& o,
                                 std::ostream& out) {
  Rng rng(o.seed);
  // The agencies in force change within a year (ministries on 1 March 2025, provinces on 1 July
  // 2025): the year is cut into epochs at every such date, each with the agencies in force
  // throughout it, so that no record names an agency on a day it did not exist.
  const std::int64_t year_first = days_from_civil(o.year, 1, 1), year_end = days_from_civil(o.year + 1, 1, 1);
  auto day_of = [](const Date& d) {
    return days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  };
  std::set<std::int64_t> cuts{year_first};
  for (const auto& u : units) {
    if (u.valid_from && day_of(*u.valid_from) > year_first && day_of(*u.valid_from) < year_end)
      cuts.insert(day_of(*u.valid_from));
    if (u.valid_to && day_of(*u.valid_to) + 1 > year_first && day_of(*u.valid_to) + 1 < year_end)
      cuts.insert(day_of(*u.valid_to) + 1);
  }
  struct Epoch {
    std::int64_t first_day;
    std::vector<std::string> agencies;
    Zipf zipf;
  };
  std::vector<Epoch> epochs;
  for (std::int64_t first : cuts) {
    int y;
    unsigned m, d;
    civil_from_days(first, y, m, d);
    Date day{y, static_cast<int>(m), static_cast<int>(d)};
    std::vector<std::string> agencies;
    for (const auto& u : units)
      if (u.kind != UnitKind::National && u.kind != UnitKind::Other && u.valid_on(day)) agencies.push_back(u.code);
    if (agencies.empty())
      throw std::runtime_error("không có đơn vị nào có hiệu lực ngày " + text::format_date_short(day) +
                               " — hãy nạp danh mục đơn vị (dxmon init) trước");
    // Shuffle deterministically so the Zipf head is not alphabetical.
    for (std::size_t i = agencies.size(); i > 1; --i) std::swap(agencies[i - 1], agencies[rng.below(i)]);
    Zipf zipf(agencies.size(), 0.9);
    epochs.push_back({first, std::move(agencies), std::move(zipf)});
  }

  std::vector<Procedure> procedures(static_cast<std::size_t>(o.procedures));
  for (std::size_t i = 0; i < procedures.size(); ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "1.%06zu", 1000 + i * 7);
    double r = rng.uniform();
    procedures[i] = {code, r < 0.45 ? ServiceLevel::FullOnline : r < 0.8 ? ServiceLevel::PartialOnline : ServiceLevel::NotOnline,
                     rng.chance(0.35), 1 + static_cast<int>(rng.below(20))};
  }
  Zipf procedure_zipf(procedures.size(), 1.05);
  // Seasonality: relative weight of each month (Tết in February, rush before the year closes).
  const double month_weight[12] = {1.0, 0.6, 1.05, 1.0, 1.0, 1.05, 1.0, 1.0, 1.05, 1.1, 1.15, 1.3};
  std::vector<double> day_cdf;
  std::int64_t first_day = days_from_civil(o.year, 1, 1);
  int ndays = static_cast<int>(days_from_civil(o.year + 1, 1, 1) - first_day);
  double total = 0;
  for (int i = 0; i < ndays; ++i) {
    int y;
    unsigned m, d;
    civil_from_days(first_day + i, y, m, d);
    int weekday = static_cast<int>((first_day + i + 6) % 7);  // 2000-01-01 was a Saturday: 0 = Monday
    double w = month_weight[m - 1] * (weekday >= 5 ? 0.15 : 1.0);
    day_cdf.push_back(total += w);
  }

  GeneratorResult result;
  std::string buffer;
  buffer.reserve(1 << 22);
  if (!o.ndjson)
    buffer += "dossier_id,agency,procedure,service_level,channel,status,received_at,due_at,completed_at,"
              "updated_at,fee,paid_online,dossier_digitised,result_digitised,satisfaction\n";
  // Final states of re-sent dossiers wait here until their turn comes (later in the file).
  std::deque<std::pair<std::uint64_t, Dossier>> pending;
  std::uint64_t written = 0, next_id = 0;
  auto flush = [&] {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  auto emit = [&](const Dossier& d) {
    int bad_kind = 0;
    if (o.bad_rate > 0 && rng.chance(o.bad_rate)) {
      bad_kind = 1 + static_cast<int>(rng.below(4));
      ++result.bad;
    }
    write_record(buffer, d, o.ndjson, bad_kind);
    ++written;
    if (buffer.size() > (1 << 22) - 4096) flush();
  };
  while (written < o.records) {
    if (!pending.empty() && (pending.front().first <= written || written + pending.size() >= o.records)) {
      emit(pending.front().second);
      pending.pop_front();
      continue;
    }
    Dossier d;
    double u = rng.uniform() * total;
    int day = static_cast<int>(std::lower_bound(day_cdf.begin(), day_cdf.end(), u) - day_cdf.begin());
    day = std::min(day, ndays - 1);
    std::int64_t abs_day = first_day + day;
    auto epoch = std::upper_bound(epochs.begin(), epochs.end(), abs_day,
                                  [](std::int64_t day, const Epoch& e) { return day < e.first_day; }) - 1;
    d.agency = &epoch->agencies[epoch->zipf.sample(rng)];
    d.procedure = &procedures[procedure_zipf.sample(rng)];
    char id[24];
    std::snprintf(id, sizeof id, "H%02d.%09llu", o.year % 100, static_cast<unsigned long long>(next_id++));
    d.id = id;
    d.received = abs_day * 86400 + 7 * 3600 + static_cast<std::int64_t>(rng.below(10 * 3600));
    d.due = d.received + d.procedure->due_days * 86400LL;
    double c = rng.uniform();
    switch (d.procedure->level) {
      case ServiceLevel::FullOnline: d.channel = c < 0.7 ? Channel::Online : c < 0.95 ? Channel::InPerson : Channel::Post; break;
      case ServiceLevel::PartialOnline: d.channel = c < 0.45 ? Channel::Online : c < 0.92 ? Channel::InPerson : Channel::Post; break;
      case ServiceLevel::NotOnline: d.channel = c < 0.85 ? Channel::InPerson : Channel::Post; break;
    }
    double outcome = rng.uniform();
    d.status = outcome < 0.86 ? DossierStatus::Completed : outcome < 0.91 ? DossierStatus::Returned
             : outcome < 0.93 ? DossierStatus::Withdrawn : DossierStatus::Processing;
    // 9% of completions are late, by up to 15 days.
    std::int64_t duration = rng.chance(0.09)
                                ? d.procedure->due_days * 86400LL + 3600 + static_cast<std::int64_t>(rng.below(15 * 86400))
                                : static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(d.procedure->due_days) * 86400));
    d.completed = d.status == DossierStatus::Completed ? d.received + duration : -1;
    d.updated = d.status == DossierStatus::Completed ? d.completed : d.received + static_cast<std::int64_t>(rng.below(3 * 86400));
    d.paid = d.procedure->fee && d.channel == Channel::Online && rng.chance(0.6);
    d.dossier_digitised = rng.chance(0.62);
    d.result_digitised = d.status == DossierStatus::Completed && rng.chance(0.55);
    d.rating = 0;
    if (d.status == DossierStatus::Completed && rng.chance(0.4)) {
      double r = rng.uniform();
      d.rating = r < 0.6 ? 5 : r < 0.85 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1;
    }
    ++result.dossiers;
    if (d.status != DossierStatus::Received && rng.chance(o.resend_rate) && written + 1 < o.records) {
      // First an earlier state (received, not yet done), the final one later in the file.
      Dossier early = d;
      early.status = DossierStatus::Received;
      early.completed = -1;
      early.result_digitised = false;
      early.rating = 0;
      early.updated = d.received + 600;
      if (d.updated <= early.updated) d.updated = early.updated + 1;
      emit(early);
      std::uint64_t due_at = written + 1 + rng.below(50000);
      // Keep the queue ordered by release position (mostly appends).
      auto it = std::upper_bound(pending.begin(), pending.end(), due_at,
                                 [](std::uint64_t v, const auto& p) { return v < p.first; });
      pending.insert(it, {due_at, std::move(d)});
    } else {
      emit(d);
    }
  }
  flush();
  result.records = written;
  return result;
}

}  // namespace dxmon::measure
