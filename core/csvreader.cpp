#include "core/csvreader.h"

namespace tg {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::string trimmed(const std::string& text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isBlank(text[begin]))
        ++begin;
    while (end > begin && isBlank(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

// Walks the text once, tracking the physical line so that every record and
// every error carries the line a text editor shows.
class CsvSplitter
{
public:
    explicit CsvSplitter(std::string_view text) : m_text(text) {}

    CsvSplitResult run()
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
        while (m_pos < m_text.size() && m_result.error.empty())
            readLine();
        return std::move(m_result);
    }

private:
    bool atLineEnd() const { return m_text[m_pos] == '\n' || m_text[m_pos] == '\r'; }

    void skipLineEnd()
    {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    void skipRestOfLine()
    {
        while (m_pos < m_text.size() && !atLineEnd())
            ++m_pos;
        if (m_pos < m_text.size())
            skipLineEnd();
    }

    bool lineIsBlank() const
    {
        std::size_t pos = m_pos;
        while (pos < m_text.size() && isBlank(m_text[pos]))
            ++pos;
        return pos == m_text.size() || m_text[pos] == '\n' || m_text[pos] == '\r';
    }

    void fail(const std::string& message, int line)
    {
        m_result.error = message;
        m_result.errorLine = line;
    }

    void readLine()
    {
        if (m_text[m_pos] == '#' || lineIsBlank()) {
            skipRestOfLine();
            return;
        }
        CsvRecord record;
        record.line = m_line;
        for (;;) {
            std::string field;
            if (!readField(&field))
                return;
            record.fields.push_back(std::move(field));
            if (m_pos >= m_text.size())
                break;
            if (atLineEnd()) {
                skipLineEnd();
                break;
            }
            ++m_pos; // the comma
        }
        m_result.records.push_back(std::move(record));
    }

    // Reads one field and stops on the comma or line end after it.
    bool readField(std::string* field)
    {
        std::size_t start = m_pos;
        while (m_pos < m_text.size() && isBlank(m_text[m_pos]))
            ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '"')
            return readQuotedField(field);
        m_pos = start;
        std::string raw;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && !atLineEnd()) {
            if (m_text[m_pos] == '"') {
                fail("a double quote inside an unquoted field; put the whole field in "
                     "double quotes and double the quote inside it",
                     m_line);
                return false;
            }
            raw += m_text[m_pos++];
        }
        *field = trimmed(raw);
        return true;
    }

    bool readQuotedField(std::string* field)
    {
        const int openLine = m_line;
        ++m_pos; // the opening quote
        for (;;) {
            if (m_pos >= m_text.size()) {
                fail("a quoted field is never closed; add the closing double quote", openLine);
                return false;
            }
            const char c = m_text[m_pos];
            if (c == '"' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                *field += '"';
                m_pos += 2;
            } else if (c == '"') {
                ++m_pos;
                break;
            } else if (c == '\n' || c == '\r') {
                const std::size_t before = m_pos;
                skipLineEnd();
                field->append(m_text.substr(before, m_pos - before));
            } else {
                *field += c;
                ++m_pos;
            }
        }
        while (m_pos < m_text.size() && isBlank(m_text[m_pos]))
            ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] != ',' && !atLineEnd()) {
            fail("text after the closing double quote of a field; put the whole field in "
                 "double quotes",
                 m_line);
            return false;
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    CsvSplitResult m_result;
};

} // namespace

CsvSplitResult splitCsv(std::string_view text)
{
    return CsvSplitter(text).run();
}

std::string quoteCsvField(const std::string& field)
{
    const bool needsQuotes = field.find_first_of(",\"\r\n") != std::string::npos ||
                             (!field.empty() && (field.front() == '#' || isBlank(field.front()) ||
                                                 isBlank(field.back())));
    if (!needsQuotes)
        return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace tg
