//! Text clean-up shared by the inputs: HTML entity decoding.

/// Decodes the HTML entities that API descriptions and openapi-generator docs use: the named ones
/// (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&nbsp;`) and numeric ones (`&#39;`, `&#x60;`).
/// Anything that is not a well-formed entity is kept as it is.
pub fn decode_html_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an HTML character reference stands for, given without `&` and `;`: the named ones
/// API descriptions and openapi-generator use (`lt`, `gt`, `amp`, `quot`, `apos`, `nbsp`), and every
/// numeric one (`#39`, `#x60`).
pub fn entity(name: &str) -> Option<char> {
    let named = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            return char::from_u32(code);
        }
    };
    Some(named)
}

#[cfg(test)]
mod tests {
    use super::decode_html_entities as d;

    #[test]
    fn decodes_named_and_numeric_entities() {
        assert_eq!(
            d("it&#39;s &#x60;code&#x60; &lt;b&gt; &amp; &quot;q&quot;"),
            "it's `code` <b> & \"q\""
        );
    }

    #[test]
    fn keeps_what_is_not_an_entity() {
        assert_eq!(d("a & b &unknown; &#xZZ; &"), "a & b &unknown; &#xZZ; &");
    }
}
