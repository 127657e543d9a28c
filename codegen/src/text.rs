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
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let code = if let Some(hex) = entity
                        .strip_prefix("#x")
                        .or_else(|| entity.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = entity.strip_prefix('#') {
                        dec.parse().ok()
                    } else {
                        None
                    };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, end))
        });
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
