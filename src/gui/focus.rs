//! Keyboard focus for buttons, radios and checkboxes, which take none in
//! iced 0.14: [`Focus`] wraps one, joins the Tab order (it answers iced's
//! focus operations like a text field does), activates it with Enter or
//! Space, and draws a ring around it while it has the focus.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{self, Operation, Tree, operation, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::keyboard::{self, key};
use iced::{Background, Border, Color, Element, Event, Length, Rectangle, Size, Theme, Vector};

/// How far the ring is drawn outside the widget, and how thick it is.
const RING_GAP: f32 = 2.0;
const RING_WIDTH: f32 = 3.0;

/// A widget that the keyboard can reach: Tab gives it the focus, Enter or
/// Space sends `on_activate`, as a click would.
pub struct Focus<'a, Message> {
    content: Element<'a, Message>,
    on_activate: Option<Message>,
}

/// Whether the wrapped widget has the keyboard focus.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    focused: bool,
}

impl operation::Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

/// Wraps `content` so that the keyboard reaches it; `on_activate` is what
/// a click on it sends (`None`: disabled, and then left out of the Tab
/// order, as the click does nothing either).
pub fn focus<'a, Message: Clone + 'a>(
    content: impl Into<Element<'a, Message>>,
    on_activate: Option<Message>,
) -> Element<'a, Message> {
    Element::new(Focus {
        content: content.into(),
        on_activate,
    })
}

impl<Message: Clone> Widget<Message, Theme, iced::Renderer> for Focus<'_, Message> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let child = self
            .content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits);
        layout::Node::with_children(child.size(), vec![child])
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        if self.on_activate.is_some() {
            let state = tree.state.downcast_mut::<State>();
            operation.focusable(None, layout.bounds(), state);
        } else {
            // Disabled now: it must not keep a focus it can do nothing with.
            tree.state.downcast_mut::<State>().focused = false;
        }
        let Some(child) = layout.children().next() else {
            return;
        };
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], child, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        if let Some(child) = layout.children().next() {
            self.content.as_widget_mut().update(
                &mut tree.children[0],
                event,
                child,
                cursor,
                renderer,
                clipboard,
                shell,
                viewport,
            );
        }
        let state = tree.state.downcast_mut::<State>();
        match event {
            // A click elsewhere (in a text field, on another button) takes
            // the focus away, so that Enter never acts on two widgets.
            Event::Mouse(mouse::Event::ButtonPressed(_))
                if state.focused && !cursor.is_over(layout.bounds()) =>
            {
                state.focused = false;
                shell.request_redraw();
            }
            Event::Keyboard(keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(key::Named::Enter | key::Named::Space),
                modifiers,
                ..
            }) if state.focused && !shell.is_event_captured() && modifiers.is_empty() => {
                if let Some(message) = &self.on_activate {
                    shell.publish(message.clone());
                    shell.capture_event();
                }
            }
            Event::Keyboard(keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(key::Named::Escape),
                ..
            }) if state.focused => {
                state.focused = false;
                shell.request_redraw();
            }
            _ => {}
        }
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        if let Some(child) = layout.children().next() {
            self.content.as_widget().draw(
                &tree.children[0],
                renderer,
                theme,
                style,
                child,
                cursor,
                viewport,
            );
        }
        if tree.state.downcast_ref::<State>().focused {
            draw_ring(renderer, theme, layout.bounds());
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        layout
            .children()
            .next()
            .map_or(mouse::Interaction::None, |child| {
                self.content.as_widget().mouse_interaction(
                    &tree.children[0],
                    child,
                    cursor,
                    viewport,
                    renderer,
                )
            })
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, iced::Renderer>> {
        let child = layout.children().next()?;
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            child,
            renderer,
            viewport,
            translation,
        )
    }
}

/// The focus ring: the theme's strong primary colour, with a thin line of
/// the background inside it, so that it stands out on a primary button as
/// on the page, in the light theme as in the dark one.
fn draw_ring(renderer: &mut iced::Renderer, theme: &Theme, bounds: Rectangle) {
    use iced::advanced::Renderer as _;
    let palette = theme.extended_palette();
    let outer = bounds.expand(RING_GAP + RING_WIDTH);
    let inner = bounds.expand(RING_GAP);
    renderer.fill_quad(
        renderer::Quad {
            bounds: outer,
            border: Border {
                color: palette.primary.strong.color,
                width: RING_WIDTH,
                radius: 7.0.into(),
            },
            ..renderer::Quad::default()
        },
        Background::Color(Color::TRANSPARENT),
    );
    renderer.fill_quad(
        renderer::Quad {
            bounds: inner,
            border: Border {
                color: palette.background.base.color,
                width: 1.0,
                radius: 5.0.into(),
            },
            ..renderer::Quad::default()
        },
        Background::Color(Color::TRANSPARENT),
    );
}

/// The window's Tab order: Tab and Shift+Tab move the focus to the next or
/// previous widget that takes it (text fields, and the widgets wrapped in
/// [`Focus`]), in the order they are drawn. Handled here, inside the widget
/// tree, rather than by a subscription, so that the keyboard works the
/// same in the window and in the simulator the tests drive.
pub struct Scope<'a, Message> {
    content: Element<'a, Message>,
}

pub fn scope<'a, Message: 'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    Element::new(Scope {
        content: content.into(),
    })
}

/// The most operations one Tab runs: iced's focus moves are two (count,
/// then move); the bound keeps a misbehaving chain from looping.
const MAX_CHAIN: usize = 8;

impl<Message> Widget<Message, Theme, iced::Renderer> for Scope<'_, Message> {
    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let child = self
            .content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits);
        layout::Node::with_children(child.size(), vec![child])
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        if let Some(child) = layout.children().next() {
            self.content
                .as_widget_mut()
                .operate(&mut tree.children[0], child, renderer, operation);
        }
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let Some(child) = layout.children().next() else {
            return;
        };
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            child,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        let Event::Keyboard(keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(key::Named::Tab),
            modifiers,
            ..
        }) = event
        else {
            return;
        };
        if shell.is_event_captured() || modifiers.control() || modifiers.alt() || modifiers.logo() {
            return;
        }
        let mut op: Box<dyn Operation> = if modifiers.shift() {
            Box::new(operation::focusable::focus_previous::<()>())
        } else {
            Box::new(operation::focusable::focus_next::<()>())
        };
        for _ in 0..MAX_CHAIN {
            self.content
                .as_widget_mut()
                .operate(&mut tree.children[0], child, renderer, &mut op);
            match op.finish() {
                operation::Outcome::Chain(next) => op = next,
                _ => break,
            }
        }
        // The focus may have moved out of sight in the step's content:
        // scroll it back into view, as the mouse would have had to.
        let mut find = FindFocused::default();
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], child, renderer, &mut find);
        if let Some(target) = find.bounds {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                child,
                renderer,
                &mut Reveal { target },
            );
        }
        shell.capture_event();
        shell.request_redraw();
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        if let Some(child) = layout.children().next() {
            self.content.as_widget().draw(
                &tree.children[0],
                renderer,
                theme,
                style,
                child,
                cursor,
                viewport,
            );
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        layout
            .children()
            .next()
            .map_or(mouse::Interaction::None, |child| {
                self.content.as_widget().mouse_interaction(
                    &tree.children[0],
                    child,
                    cursor,
                    viewport,
                    renderer,
                )
            })
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, iced::Renderer>> {
        let child = layout.children().next()?;
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            child,
            renderer,
            viewport,
            translation,
        )
    }
}

/// A button the keyboard reaches: `on_press` is what a click, Enter or
/// Space sends (`None`: disabled).
pub fn press<'a, Message: Clone + 'a>(
    button: iced::widget::Button<'a, Message>,
    on_press: Option<Message>,
) -> Element<'a, Message> {
    focus(button.on_press_maybe(on_press.clone()), on_press)
}

/// Finds where the widget with the focus is (in layout coordinates).
#[derive(Default)]
struct FindFocused {
    bounds: Option<Rectangle>,
}

impl Operation for FindFocused {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(
        &mut self,
        _id: Option<&widget::Id>,
        bounds: Rectangle,
        state: &mut dyn operation::Focusable,
    ) {
        if state.is_focused() {
            self.bounds = Some(bounds);
        }
    }
}

/// Room kept between a widget brought into view and the scrolled edge.
const REVEAL_MARGIN: f32 = 24.0;

/// Scrolls the scrollable holding `target` just enough that it is seen.
struct Reveal {
    target: Rectangle,
}

impl Operation for Reveal {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        _id: Option<&widget::Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
        state: &mut dyn operation::Scrollable,
    ) {
        if !content_bounds.contains(self.target.center()) {
            return;
        }
        // What is seen of the content, in the content's own coordinates.
        let top = bounds.y + translation.y;
        let bottom = top + bounds.height;
        let delta = if self.target.y < top {
            self.target.y - top - REVEAL_MARGIN
        } else if self.target.y + self.target.height > bottom {
            (self.target.y + self.target.height - bottom + REVEAL_MARGIN)
                // A widget taller than the view shows its top.
                .min(self.target.y - top)
        } else {
            return;
        };
        state.scroll_by(
            iced::widget::scrollable::AbsoluteOffset { x: 0.0, y: delta },
            bounds,
            content_bounds,
        );
    }
}
