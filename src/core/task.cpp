#include "core/task.h"

#include "core/enum_names.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<TaskStatus, 5> kIds{{
    {TaskStatus::NotStarted, "not_started"},
    {TaskStatus::InProgress, "in_progress"},
    {TaskStatus::Completed, "completed"},
    {TaskStatus::Overdue, "overdue"},
    {TaskStatus::Stopped, "stopped"},
}};
constexpr detail::EnumNames<TaskStatus, 5> kLabels{{
    {TaskStatus::NotStarted, "Chưa triển khai"},
    {TaskStatus::InProgress, "Đang thực hiện"},
    {TaskStatus::Completed, "Hoàn thành"},
    {TaskStatus::Overdue, "Quá hạn"},
    {TaskStatus::Stopped, "Dừng thực hiện"},
}};

}  // namespace

std::string_view task_status_id(TaskStatus s) { return detail::name_of(kIds, s); }
std::optional<TaskStatus> parse_task_status(std::string_view id) { return detail::value_of(kIds, id); }
std::string_view task_status_label_vi(TaskStatus s) { return detail::name_of(kLabels, s); }

}  // namespace dxmon
