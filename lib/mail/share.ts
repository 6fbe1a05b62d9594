/** Messenger share links for a message the school hands over by hand (many schools run on WhatsApp and Telegram groups). */
export function shareLinks(subject: string, link: string) {
  return {
    whatsapp: `https://wa.me/?text=${encodeURIComponent(`${subject}\n${link}`)}`,
    telegram: `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(subject)}`,
  };
}
