"""NOTE TO THE DEVELOPER OF THIS PAGE (from the lead): the full standards and the kit you must use are in /tmp/page_common.md -- read it before writing anything. Replace this file."""
import streamlit as st

st.write("under construction")
