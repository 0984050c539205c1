//! A button that copies a citation; it says whether the copy worked, and shows the text to
//! copy by hand where the clipboard is refused.

use crate::dom;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Ready,
    Copied,
    Refused,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let outcome = use_state(|| Outcome::Ready);
    let onclick = {
        let (outcome, text) = (outcome.setter(), props.text.clone());
        Callback::from(move |_| {
            let outcome = outcome.clone();
            dom::copy(&text, move |ok| outcome.set(if ok { Outcome::Copied } else { Outcome::Refused }));
        })
    };
    let said = match *outcome {
        Outcome::Ready => String::new(),
        Outcome::Copied => format!("Copied: {}", props.text),
        Outcome::Refused => "The browser refused the clipboard; select the citation and copy it.".to_owned(),
    };
    html! {
        <div class="copy">
            <button type="button" class="copy-button" {onclick}>{"Copy citation"}</button>
            <output class="citation">{ props.text.clone() }</output>
            <span class="copy-status" role="status">{ said }</span>
        </div>
    }
}
