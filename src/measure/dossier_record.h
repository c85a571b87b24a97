#pragma once
// A dossier record (bản ghi hồ sơ thủ tục hành chính) as sent by a ministry's or province's dossier
// system, and the compact form the engine keeps of it. The schema is documented in
// docs/measurement.md; ids below are the values the CSV cells and NDJSON strings carry.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dxmon::measure {

// Service level of the procedure (mức độ dịch vụ công trực tuyến, Nghị định 42/2022/NĐ-CP).
enum class ServiceLevel : std::uint8_t { FullOnline = 0, PartialOnline = 1, NotOnline = 2 };
// How the dossier was submitted (kênh tiếp nhận).
enum class Channel : std::uint8_t { Online = 0, InPerson = 1, Post = 2 };
// Where the dossier stands (trạng thái).
enum class DossierStatus : std::uint8_t { Received = 0, Processing = 1, Completed = 2, Returned = 3, Withdrawn = 4 };

std::optional<ServiceLevel> parse_service_level(std::string_view id);  // toan_trinh, mot_phan, khong_truc_tuyen
std::optional<Channel> parse_channel(std::string_view id);             // truc_tuyen, truc_tiep, buu_chinh
std::optional<DossierStatus> parse_status(std::string_view id);        // tiep_nhan, dang_xu_ly, hoan_thanh, tra_lai, rut
std::string_view service_level_id(ServiceLevel l);
std::string_view channel_id(Channel c);
std::string_view status_id(DossierStatus s);

// The fields of a record, in the order of the CSV header the generator writes.
enum class Field : std::uint8_t {
  DossierId, Agency, Procedure, ServiceLevel, Channel, Status, ReceivedAt, DueAt, CompletedAt, UpdatedAt,
  Fee, PaidOnline, DossierDigitised, ResultDigitised, Satisfaction, Count
};
inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::Count);
inline constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "dossier_id", "agency", "procedure", "service_level", "channel", "status", "received_at", "due_at",
    "completed_at", "updated_at", "fee", "paid_online", "dossier_digitised", "result_digitised", "satisfaction"};
std::optional<Field> parse_field_name(std::string_view name);

// Months are counted from January 2000 (index 0); 600 months reach December 2049.
inline constexpr int kFirstYear = 2000;
inline constexpr int kMonthCount = 600;
inline constexpr std::uint16_t kNoMonth = 0xFFFF;

// Timestamps are Vietnam civil time (UTC+07:00). Accepted: 2024-03-15, 2024-03-15T08:30,
// 2024-03-15 08:30:05, with optional fraction and Z or ±HH:MM offset (converted to +07:00).
// Returns seconds since 2000-01-01T00:00:00+07:00, or nothing when malformed or outside 2000–2049.
std::optional<std::int64_t> parse_timestamp(std::string_view text);
// Civil (year, month) of a month index, and back.
inline int month_index(int year, int month) { return (year - kFirstYear) * 12 + (month - 1); }
inline int year_of_month_index(int m) { return kFirstYear + m / 12; }
inline int month_of_month_index(int m) { return m % 12 + 1; }
// Days since 2000-01-01 for a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d);
// The month index of a time parse_timestamp returned (so within 2000–2049): a table lookup, since
// the parser needs it for two timestamps of every record.
int month_index_of_seconds(std::int64_t s);

// What the engine keeps of a dossier's latest state: enough to retract its contribution to every
// counter when a newer record for it arrives. 24 bytes; `key` 0 marks an empty slot.
struct DossierState {
  std::uint64_t key = 0;           // hash64(dossier id, seed = hash of the agency code), never 0
  std::uint32_t updated = 0;       // updated_at, seconds since 2000 (+07:00)
  std::uint32_t procedure = 0;     // index in the procedure dictionary
  std::uint16_t agency = 0;        // index in the agency dictionary
  std::uint16_t received_month = 0;
  std::uint16_t completed_month = kNoMonth;  // kNoMonth unless status is completed
  std::uint16_t flags = 0;         // see the bits below
};
static_assert(sizeof(DossierState) == 24);

// Bits of DossierState::flags.
namespace flag {
inline constexpr std::uint16_t kLevelMask = 0x3;        // ServiceLevel
inline constexpr std::uint16_t kChannelShift = 2;       // Channel, 2 bits
inline constexpr std::uint16_t kChannelMask = 0x3 << kChannelShift;
inline constexpr std::uint16_t kCompleted = 1 << 4;
inline constexpr std::uint16_t kOnTime = 1 << 5;
inline constexpr std::uint16_t kFeeBearing = 1 << 6;
inline constexpr std::uint16_t kPaidOnline = 1 << 7;
inline constexpr std::uint16_t kDossierDigitised = 1 << 8;
inline constexpr std::uint16_t kResultDigitised = 1 << 9;
inline constexpr std::uint16_t kRatingShift = 10;       // 0 = not rated, 1..5, 3 bits
inline constexpr std::uint16_t kRatingMask = 0x7 << kRatingShift;
}  // namespace flag

inline ServiceLevel level_of(std::uint16_t f) { return static_cast<ServiceLevel>(f & flag::kLevelMask); }
inline Channel channel_of(std::uint16_t f) { return static_cast<Channel>((f & flag::kChannelMask) >> flag::kChannelShift); }
inline int rating_of(std::uint16_t f) { return (f & flag::kRatingMask) >> flag::kRatingShift; }

}  // namespace dxmon::measure
