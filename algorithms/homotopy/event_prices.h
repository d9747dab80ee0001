// The prices of every instance good at a path event, held cheaply.
//
// Between events every generated price is affine in the leg's z, and a transition changes the
// affine price of a few goods only (the subtrees it re-prices). The path method therefore keeps
// one shared history — for each good the list of its affine prices with the event from which
// each holds — and an event's prices are that history read at the event's z: exactly the
// values a full snapshot would hold, at O(changed goods) memory per event instead of O(goods).
// EventPrices reads like the vector of prices it stands for (size, [], ==, conversion).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/rational.h"

namespace equilab::homotopy {

// Filled by the path method: versions must be added in nondecreasing event order per good.
class PriceHistory {
 public:
  // `goods` instance goods, all priced 0 until a version is added; prices are
  // (c0 + c1·z) / scale with the leg's z of each event.
  PriceHistory(int goods, Rational scale);
  // The affine price (c0 + c1·z)/scale of `good` from event `from` on.
  void add(int good, std::size_t from, std::int64_t c0, std::int64_t c1);
  void add(int good, std::size_t from, const Rational& c0, const Rational& c1);
  // The leg z of event `index` (events are numbered 0, 1, ... in order).
  void add_event(const Rational& z);

  int goods() const { return goods_; }
  Rational price(int good, std::size_t event) const;

 private:
  struct Version {
    std::size_t from;
    std::int64_t i0, i1;  // integer coefficients when `exact` is empty
    std::int32_t exact;   // index into exact_ (pairs) or −1
  };
  int goods_;
  Rational scale_;
  std::vector<std::vector<Version>> versions_;
  std::vector<Rational> exact_;  // c0, c1 pairs of rational versions
  std::vector<Rational> z_;
};

class EventPrices {
 public:
  EventPrices() = default;
  EventPrices(std::vector<Rational> values) : values_(std::move(values)) {}  // NOLINT: reads as the vector
  EventPrices(std::shared_ptr<const PriceHistory> history, std::size_t event)
      : history_(std::move(history)), event_(event) {}

  std::size_t size() const { return history_ ? static_cast<std::size_t>(history_->goods()) : values_.size(); }
  bool empty() const { return size() == 0; }
  Rational operator[](std::size_t i) const {
    return history_ ? history_->price(static_cast<int>(i), event_) : values_[i];
  }
  std::vector<Rational> values() const;
  operator std::vector<Rational>() const { return values(); }  // NOLINT: reads as the vector

  friend bool operator==(const EventPrices& a, const std::vector<Rational>& b);
  friend bool operator==(const EventPrices& a, const EventPrices& b) { return a == b.values(); }

 private:
  std::vector<Rational> values_;
  std::shared_ptr<const PriceHistory> history_;
  std::size_t event_ = 0;
};

}  // namespace equilab::homotopy
