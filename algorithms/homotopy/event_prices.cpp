#include "homotopy/event_prices.h"

#include <algorithm>
#include <stdexcept>

namespace equilab::homotopy {

PriceHistory::PriceHistory(int goods, Rational scale)
    : goods_(goods), scale_(std::move(scale)), versions_(goods) {}

void PriceHistory::add(int good, std::size_t from, std::int64_t c0, std::int64_t c1) {
  versions_[good].push_back({from, c0, c1, -1});
}

void PriceHistory::add(int good, std::size_t from, const Rational& c0, const Rational& c1) {
  versions_[good].push_back({from, 0, 0, static_cast<std::int32_t>(exact_.size())});
  exact_.push_back(c0);
  exact_.push_back(c1);
}

void PriceHistory::add_event(const Rational& z) { z_.push_back(z); }

Rational PriceHistory::price(int good, std::size_t event) const {
  if (good < 0 || good >= goods_ || event >= z_.size())
    throw std::out_of_range("event prices: no such good or event");
  const auto& list = versions_[good];
  // The last version that holds at `event` (later versions with the same start win: a leg
  // without events is superseded by the next leg's prices).
  auto it = std::upper_bound(list.begin(), list.end(), event,
                             [](std::size_t e, const Version& v) { return e < v.from; });
  if (it == list.begin()) return Rational(0);
  const Version& v = *(it - 1);
  const Rational& z = z_[event];
  if (v.exact < 0) return (Rational(v.i0) + Rational(v.i1) * z) / scale_;
  return (exact_[v.exact] + exact_[v.exact + 1] * z) / scale_;
}

std::vector<Rational> EventPrices::values() const {
  if (!history_) return values_;
  std::vector<Rational> out(history_->goods());
  for (int i = 0; i < history_->goods(); ++i) out[i] = history_->price(i, event_);
  return out;
}

bool operator==(const EventPrices& a, const std::vector<Rational>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < b.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace equilab::homotopy
