// A parsed XML document (libxml2) with XPath queries; the prefixes "h" (XHTML) and "s" (SVG) are
// bound for the report's namespaces.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::testing {

class XmlDoc {
 public:
  // Parses `text` strictly as XML (no network, no entity loading); `ok()` tells whether it parsed.
  explicit XmlDoc(const std::string& text) {
    doc_ = xmlReadMemory(text.data(), static_cast<int>(text.size()), "report.xml", nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  }
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;
  ~XmlDoc() {
    if (doc_ != nullptr) xmlFreeDoc(doc_);
  }
  bool ok() const { return doc_ != nullptr; }

  // The nodes matching `xpath` (relative to `context`, the document when null).
  std::vector<xmlNodePtr> nodes(const std::string& xpath, xmlNodePtr context = nullptr) const {
    std::vector<xmlNodePtr> out;
    if (doc_ == nullptr) return out;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc_);
    xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
    xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
    if (context != nullptr) ctx->node = context;
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx);
    if (res == nullptr) {
      xmlXPathFreeContext(ctx);
      throw std::runtime_error("bad XPath " + xpath);
    }
    if (res->nodesetval != nullptr)
      for (int i = 0; i < res->nodesetval->nodeNr; ++i) out.push_back(res->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    return out;
  }

  static std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    if (v == nullptr) return "";
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
  }
  static std::string text(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    if (v == nullptr) return "";
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
  }
  static std::string name(xmlNodePtr n) { return reinterpret_cast<const char*>(n->name); }

 private:
  xmlDocPtr doc_ = nullptr;
};

}  // namespace equilab::testing
