// Method `bckm-flow`: the bihierarchy decomposition of Budish, Che, Kojima and Milgrom (2013), the
// theorem EMZ §4.1 relies on, as a network-flow algorithm in exact rationals.
//
// Network. Hierarchy 1 becomes a forest hanging from the source s: an arc parent(S) → S per set,
// carrying x(S) with bounds [q̲_S, q̄_S]; hierarchy 2 a forest into the sink t, arcs T → parent(T).
// A cell c is an arc from the smallest hierarchy-1 set containing it (or s) to the smallest
// hierarchy-2 set containing it (or t) with bounds [0, 1]; a return arc t → s carries Σ x. By
// laminarity x is a circulation f, and the integral circulations within the bounds are exactly the
// integral feasible assignments.
//
// Decomposition. With mass m (initially 1) and residual r (initially f), r/m is feasible. On the
// box B = Π [⌊r_e/m⌋, ⌈r_e/m⌉] (integral arcs fixed), r/m lies in the relative interior of the
// box polytope, which is integral (network matrix). Take an integral circulation v in B and
// subtract λv with λ maximal such that (r − λv)/(m − λ) stays in B: for a fractional arc with
// a = ⌊r_e/m⌋ the slack is (a+1)m − r_e when v_e = a and r_e − a·m when v_e = a+1, λ is the least
// slack, and subtracting λv lowers every slack by exactly λ. The arcs whose slack reaches 0 become
// integral at the far end, which strictly lowers the dimension of the box polytope, so there are
// at most dim + 1 ≤ cells + 1 points. v is then repaired on those arcs by augmenting paths (unit
// changes within B), and a flipped arc's slack becomes m − slack. Slacks are kept as keys
// slack + Λ (Λ = Σ λ so far) in a heap, so a step costs O(changed arcs · log) plus the paths.
#include <algorithm>
#include <queue>
#include <stdexcept>
#include <tuple>

#include "pseudo_market/bihierarchy.h"
#include "pseudo_market/methods.h"

namespace equilab::pseudo_market {
namespace {

struct Arc {
  int from, to;
  int cell = -1;  // the cell of a cell arc
};

class FlowDecomposition {
 public:
  FlowDecomposition(const DecomposeInstance& in, const BihierarchyCheck& bh) : in_(in) { build(bh); }

  std::vector<LotteryPoint> run() {
    init();
    std::vector<LotteryPoint> points;
    Rational lambda_sum = 0;  // Λ
    while (true) {
      drop_stale();
      if (heap_.empty()) {
        points.push_back(snapshot(1 - lambda_sum));
        break;
      }
      const Rational lambda = std::get<0>(heap_.top()) - lambda_sum;
      points.push_back(snapshot(lambda));
      lambda_sum += lambda;
      lambda_ = lambda_sum;
      // Every arc with slack 0 becomes integral at the far end of its box.
      while (true) {
        drop_stale();
        if (heap_.empty() || std::get<0>(heap_.top()) != lambda_sum) break;
        const int e = std::get<1>(heap_.top());
        heap_.pop();
        const long long target = v_[e] == lo_[e] ? lo_[e] + 1 : lo_[e];
        set_v(e, target);
        fix(e, target);
      }
      repair();
    }
    return points;
  }

 private:
  const DecomposeInstance& in_;
  int nodes_ = 2;  // 0 = s, 1 = t
  std::vector<Arc> arcs_;
  std::vector<Rational> f_;  // x as a circulation
  std::vector<bool> fixed_;
  std::vector<long long> lo_, v_;
  std::vector<Rational> key_;
  std::vector<unsigned> version_;
  std::vector<long long> balance_;             // inflow − outflow of v per node
  std::vector<std::vector<int>> adjacent_;     // fractional arcs per node
  std::vector<std::pair<int, int>> position_;  // arc's index in adjacent_[from], adjacent_[to]
  std::vector<int> ones_, one_position_;       // cell arcs with v = 1
  Rational lambda_ = 0;                        // Λ
  using Entry = std::tuple<Rational, int, unsigned>;
  struct Greater {
    bool operator()(const Entry& a, const Entry& b) const {
      if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
      return std::get<1>(a) > std::get<1>(b);
    }
  };
  std::priority_queue<Entry, std::vector<Entry>, Greater> heap_;
  std::vector<unsigned> stamp_;
  unsigned stamp_now_ = 0;

  void build(const BihierarchyCheck& bh) {
    const int nc = in_.num_cells();
    std::vector<int> node_of_row(in_.rows.size(), -1);
    std::vector<int> smallest[2] = {std::vector<int>(nc, -1), std::vector<int>(nc, -1)};
    std::vector<int> parent(in_.rows.size(), -1);
    for (int h = 0; h < 2; ++h) {
      for (int r : bh.hierarchy[h]) node_of_row[r] = nodes_++;
      // The sets containing a cell form a chain; order it by size, equal sets by index (higher first).
      std::vector<std::vector<int>> chain(nc);
      for (int r : bh.hierarchy[h])
        for (const auto& [c, a] : in_.rows[r].coef) chain[c].push_back(r);
      for (int c = 0; c < nc; ++c) {
        auto& ch = chain[c];
        std::sort(ch.begin(), ch.end(), [&](int a, int b) {
          const auto sa = in_.rows[a].coef.size(), sb = in_.rows[b].coef.size();
          return sa != sb ? sa < sb : a > b;
        });
        if (!ch.empty()) smallest[h][c] = ch.front();
        for (std::size_t k = 0; k + 1 < ch.size(); ++k) parent[ch[k]] = ch[k + 1];
      }
    }
    auto sum = [&](int r) {
      Rational s = 0;
      for (const auto& [c, a] : in_.rows[r].coef) s += in_.x[c];
      return s;
    };
    for (int r : bh.hierarchy[0]) {
      arcs_.push_back({parent[r] >= 0 ? node_of_row[parent[r]] : 0, node_of_row[r]});
      f_.push_back(sum(r));
    }
    Rational total = 0;
    for (int c = 0; c < nc; ++c) {
      arcs_.push_back({smallest[0][c] >= 0 ? node_of_row[smallest[0][c]] : 0,
                       smallest[1][c] >= 0 ? node_of_row[smallest[1][c]] : 1, c});
      f_.push_back(in_.x[c]);
      total += in_.x[c];
    }
    for (int r : bh.hierarchy[1]) {
      arcs_.push_back({node_of_row[r], parent[r] >= 0 ? node_of_row[parent[r]] : 1});
      f_.push_back(sum(r));
    }
    arcs_.push_back({1, 0});
    f_.push_back(total);
  }

  static long long floor_of(const Rational& q) {
    const Integer fl = boost::multiprecision::numerator(q) / boost::multiprecision::denominator(q);  // q >= 0
    return fl.convert_to<long long>();
  }

  void init() {
    const int na = static_cast<int>(arcs_.size());
    fixed_.assign(na, false);
    lo_.assign(na, 0);
    v_.assign(na, 0);
    key_.assign(na, Rational(0));
    version_.assign(na, 0);
    balance_.assign(nodes_, 0);
    adjacent_.assign(nodes_, {});
    position_.assign(na, {-1, -1});
    one_position_.assign(in_.num_cells(), -1);
    stamp_.assign(nodes_, 0);
    for (int e = 0; e < na; ++e) {
      lo_[e] = floor_of(f_[e]);
      fixed_[e] = f_[e] == Rational(lo_[e]);
      if (!fixed_[e]) {
        position_[e] = {static_cast<int>(adjacent_[arcs_[e].from].size()),
                        static_cast<int>(adjacent_[arcs_[e].to].size())};
        adjacent_[arcs_[e].from].push_back(e);
        adjacent_[arcs_[e].to].push_back(e);
      }
      v_[e] = 0;
      set_v(e, lo_[e], false);
    }
    repair(false);
    // slacks at m = 1, Λ = 0
    for (int e = 0; e < na; ++e)
      if (!fixed_[e]) {
        key_[e] = v_[e] == lo_[e] ? Rational(lo_[e] + 1) - f_[e] : f_[e] - Rational(lo_[e]);
        heap_.emplace(key_[e], e, version_[e]);
      }
  }

  // v_e := value, keeping the balances and the set of cells at 1; a fractional arc that flips
  // gets slack m − slack (key 1 + Λ − key).
  void set_v(int e, long long value, bool update_key = true) {
    const long long d = value - v_[e];
    if (d == 0) return;
    balance_[arcs_[e].from] -= d;
    balance_[arcs_[e].to] += d;
    v_[e] = value;
    if (arcs_[e].cell >= 0) {
      const int c = arcs_[e].cell;
      if (value == 1 && one_position_[c] < 0) {
        one_position_[c] = static_cast<int>(ones_.size());
        ones_.push_back(c);
      } else if (value == 0 && one_position_[c] >= 0) {
        const int last = ones_.back();
        ones_[one_position_[c]] = last;
        one_position_[last] = one_position_[c];
        ones_.pop_back();
        one_position_[c] = -1;
      }
    }
    if (update_key && !fixed_[e]) {
      key_[e] = 1 + lambda_ - key_[e];
      ++version_[e];
      heap_.emplace(key_[e], e, version_[e]);
    }
  }

  void fix(int e, long long value) {
    fixed_[e] = true;
    lo_[e] = value;
    ++version_[e];
    for (int side = 0; side < 2; ++side) {
      const int node = side == 0 ? arcs_[e].from : arcs_[e].to;
      const int pos = side == 0 ? position_[e].first : position_[e].second;
      auto& adj = adjacent_[node];
      const int last = adj.back();
      adj[pos] = last;
      if (arcs_[last].from == node)
        position_[last].first = pos;
      else
        position_[last].second = pos;
      adj.pop_back();
    }
  }

  void drop_stale() {
    while (!heap_.empty() && std::get<2>(heap_.top()) != version_[std::get<1>(heap_.top())]) heap_.pop();
  }

  // Unit augmenting paths within the box from nodes with inflow surplus to nodes with a deficit.
  void repair(bool update_keys = true) {
    std::vector<int> sources;
    for (int n = 0; n < nodes_; ++n)
      if (balance_[n] > 0) sources.push_back(n);
    std::vector<int> pred(nodes_, -1);
    std::vector<int> queue;
    while (true) {
      while (!sources.empty() && balance_[sources.back()] <= 0) sources.pop_back();
      if (sources.empty()) break;
      const int start = sources.back();
      ++stamp_now_;
      queue.assign(1, start);
      stamp_[start] = stamp_now_;
      pred[start] = -1;
      int target = -1;
      for (std::size_t head = 0; head < queue.size() && target < 0; ++head) {
        const int u = queue[head];
        for (int e : adjacent_[u]) {
          // forward along e if it can rise, backward if it can fall
          int w;
          if (arcs_[e].from == u && v_[e] == lo_[e])
            w = arcs_[e].to;
          else if (arcs_[e].to == u && v_[e] == lo_[e] + 1)
            w = arcs_[e].from;
          else
            continue;
          if (stamp_[w] == stamp_now_) continue;
          stamp_[w] = stamp_now_;
          pred[w] = e;
          if (balance_[w] < 0) {
            target = w;
            break;
          }
          queue.push_back(w);
        }
      }
      if (target < 0)
        throw std::logic_error(
            "bckm-flow: no integral circulation in the box (the bihierarchy theorem fails?)");
      for (int w = target; w != start;) {
        const int e = pred[w];
        if (arcs_[e].to == w) {
          set_v(e, lo_[e] + 1, update_keys);
          w = arcs_[e].from;
        } else {
          set_v(e, lo_[e], update_keys);
          w = arcs_[e].to;
        }
      }
    }
  }

  LotteryPoint snapshot(const Rational& prob) const {
    LotteryPoint p;
    p.prob = prob;
    std::vector<int> cells = ones_;
    std::sort(cells.begin(), cells.end());
    p.entries.reserve(cells.size());
    for (int c : cells) p.entries.emplace_back(c, Rational(1));
    return p;
  }
};

}  // namespace

DecomposeResult solve_bckm_flow(const DecomposeInstance& in, const DecomposeOptions&) {
  const BihierarchyCheck bh = find_bihierarchy(in);
  if (!bh.ok) throw std::invalid_argument("bckm-flow needs a bihierarchy, and here " + bh.reason);
  DecomposeResult r;
  r.method = "bckm-flow";
  if (auto v = first_violation(in, in.x)) {
    r.status = Status::NotImplementable;
    r.route = "quota";
    r.farkas = Farkas{std::move(v->weights), v->bound, v->value, v->label};
    return r;
  }
  r.status = Status::Implemented;
  r.route = "flow";
  FlowDecomposition flow(in, bh);
  r.lottery = flow.run();
  r.steps = r.lottery.size();
  return r;
}

}  // namespace equilab::pseudo_market
